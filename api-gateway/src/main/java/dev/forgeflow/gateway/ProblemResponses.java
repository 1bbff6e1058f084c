package dev.forgeflow.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure as an {@code application/problem+json} body, whatever the client accepts (an
 * event-stream client too). Expected failures ({@link ErrorResponse}s) keep their status and
 * detail, a request body's invalid fields are each named; anything else is a 500 that says nothing
 * of its cause, which is logged instead.
 */
final class ProblemResponses implements WebExceptionHandler, Ordered {

  /** Ahead of Spring Boot's own error handler (order -1), so every error is a problem body. */
  private static final int ORDER = -2;

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(failure);
    }
    ErrorResponse error = asProblem(failure);
    ProblemDetail problem = error.getBody();
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    response.setStatusCode(error.getStatusCode());
    response.getHeaders().addAll(error.getHeaders());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    // Every problem closes its connection. A refused request's body may be unread (a CSRF or
    // credentials refusal answers before any route reads it), and no unread bytes may be left in
    // front of the next request on the connection. And an error's answer is on the wire before
    // the exchange completes: a browser's next request on the same keep-alive connection then
    // arrives while Reactor Netty still holds the previous exchange, and about one browser session
    // in eight saw that request read, handled and never answered (Reactor Netty 1.2.18; its
    // issues #4188, #4361). A new connection for the next request avoids the race.
    response.getHeaders().set(HttpHeaders.CONNECTION, "close");
    try {
      byte[] body = json.writeValueAsBytes(problem);
      return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    } catch (JsonProcessingException unwritable) {
      return Mono.error(unwritable);
    }
  }

  /** Invalid fields are named; other expected failures kept; anything else is internal. */
  private static ErrorResponse asProblem(Throwable failure) {
    if (failure instanceof WebExchangeBindException invalid) {
      return Problems.invalidFields(invalid.getBindingResult());
    }
    if (failure instanceof ErrorResponse expected) {
      InputProblems.describe(failure).ifPresent(detail -> expected.getBody().setDetail(detail));
      return expected;
    }
    return internal(failure);
  }

  private static ErrorResponse internal(Throwable failure) {
    log.error("Request failed", failure);
    return ErrorResponse.create(
        failure, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not answer this request");
  }
}

package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProblemResponsesTest {

  private final ProblemResponses problems =
      new ProblemResponses(Jackson2ObjectMapperBuilder.json().build());

  @Test
  void anExpectedFailureKeepsItsStatusDetailAndHeaders() {
    MockServerWebExchange exchange = exchange();

    problems.handle(exchange, Problems.unauthorized("Send a token")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Bearer");
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains(
            "\"status\":401", "\"detail\":\"Send a token\"", "\"instance\":\"/api/runs/r/events\"");
  }

  @Test
  void anUnexpectedFailureIsA500ThatSaysNothingOfItsCause() throws Exception {
    MockServerWebExchange exchange = exchange();

    problems.handle(exchange, new IllegalStateException("password=hunter2")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    String body = exchange.getResponse().getBodyAsString().block();
    assertThat(new ObjectMapper().readTree(body).get("status").asInt()).isEqualTo(500);
    assertThat(body).doesNotContain("hunter2", "IllegalStateException", "trace", "\tat ");
  }

  private static MockServerWebExchange exchange() {
    return MockServerWebExchange.from(
        MockServerHttpRequest.get("/api/runs/r/events").accept(MediaType.TEXT_EVENT_STREAM));
  }
}

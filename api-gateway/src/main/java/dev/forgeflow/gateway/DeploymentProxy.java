package dev.forgeflow.gateway;

import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * {@code /api/runs/{id}/deployment/proxy/**}: the owner's requests to their run's deployed service,
 * for the web UI's API tester. Forwards only to that service's own loopback port; never the
 * caller's credentials or cookies; bodies bounded both ways; a deadline on every call. The answer
 * is served sandboxed (its own origin, no sniffing), since the service's code is not to be trusted
 * with the gateway's origin.
 */
@RestController
@Tag(name = "Deployments")
class DeploymentProxy {

  static final int MAX_REQUEST_BYTES = 1024 * 1024;
  static final int MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Request headers never forwarded: credentials, the gateway's own, hop-by-hop. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "authorization",
          "cookie",
          "host",
          "origin",
          "referer",
          "x-xsrf-token",
          "connection",
          "keep-alive",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-forwarded-port");

  /** Response headers never passed back. */
  private static final Set<String> NOT_RETURNED =
      Set.of(
          "set-cookie",
          "connection",
          "keep-alive",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "trailer",
          "content-security-policy",
          "access-control-allow-origin",
          "access-control-allow-credentials",
          "strict-transport-security");

  private final Stores stores;
  private final DeploymentPort sandbox;
  private final Blocking blocking;
  private final WebClient web;

  DeploymentProxy(Stores stores, DeploymentPort sandbox, Blocking blocking) {
    this.stores = stores;
    this.sandbox = sandbox;
    this.blocking = blocking;
    this.web =
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create().responseTimeout(TIMEOUT).followRedirect(false)))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
            .build();
  }

  @RequestMapping(
      path = "/api/runs/{id}/deployment/proxy/**",
      method = {
        RequestMethod.GET,
        RequestMethod.POST,
        RequestMethod.PUT,
        RequestMethod.PATCH,
        RequestMethod.DELETE
      })
  @Operation(
      summary = "Call the run's deployed service",
      description =
          "Forwards the method, the path below proxy/, the query, the body (at most 1 MiB) and"
              + " the headers but credentials and cookies, to the run's service; answers with its"
              + " status, headers and body (at most 5 MiB), or 502/504 when it fails or is slow.")
  Mono<ResponseEntity<byte[]>> forward(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(
            () -> {
              OwnedRuns.find(stores, user, id);
              return sandbox
                  .target(id)
                  .orElseThrow(
                      () -> Problems.notFound("Run " + id + " has no healthy deployed service"));
            })
        .flatMap(target -> body(exchange).flatMap(body -> send(target, id, exchange, body)));
  }

  private static Mono<byte[]> body(ServerWebExchange exchange) {
    return Bodies.bytes(
        exchange.getRequest().getBody(),
        MAX_REQUEST_BYTES,
        () ->
            Problems.payloadTooLarge(
                "A request to the service has at most " + MAX_REQUEST_BYTES + " bytes"));
  }

  private Mono<ResponseEntity<byte[]>> send(
      URI target, String runId, ServerWebExchange exchange, byte[] body) {
    String prefix = "/api/runs/" + runId + "/deployment/proxy";
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    String below = path.length() > prefix.length() ? path.substring(prefix.length()) : "/";
    URI uri =
        UriComponentsBuilder.fromUri(target)
            .path(below)
            .query(exchange.getRequest().getURI().getRawQuery())
            .build(true)
            .toUri();
    if (!uri.getHost().equals(target.getHost()) || uri.getPort() != target.getPort()) {
      return Mono.error(Problems.badRequest("That path leaves the service"));
    }
    HttpMethod method = exchange.getRequest().getMethod();
    WebClient.RequestBodySpec request = web.method(method).uri(uri);
    exchange
        .getRequest()
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, values.toArray(String[]::new));
              }
            });
    WebClient.RequestHeadersSpec<?> ready = body.length == 0 ? request : request.bodyValue(body);
    return ready
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .map(
                        bytes -> {
                          HttpHeaders headers = new HttpHeaders();
                          response
                              .headers()
                              .asHttpHeaders()
                              .forEach(
                                  (name, values) -> {
                                    if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT))) {
                                      headers.addAll(name, values);
                                    }
                                  });
                          headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
                          headers.set("X-Content-Type-Options", "nosniff");
                          return ResponseEntity.status(response.statusCode())
                              .headers(headers)
                              .body(bytes);
                        }))
        .timeout(TIMEOUT)
        .onErrorMap(
            DataBufferLimitException.class, tooLarge -> badGateway("answered more than 5 MiB"))
        .onErrorMap(TimeoutException.class, slow -> timeout())
        .onErrorMap(
            WebClientRequestException.class,
            failed ->
                failed.getCause() instanceof io.netty.handler.timeout.ReadTimeoutException
                    ? timeout()
                    : badGateway("did not answer"));
  }

  private static Throwable badGateway(String what) {
    return Problems.status(HttpStatus.BAD_GATEWAY, "Bad Gateway", "The service " + what);
  }

  private static Throwable timeout() {
    return Problems.status(
        HttpStatus.GATEWAY_TIMEOUT,
        "Gateway Timeout",
        "The service did not answer within " + TIMEOUT.toSeconds() + " s");
  }
}

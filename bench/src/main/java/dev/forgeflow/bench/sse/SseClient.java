package dev.forgeflow.bench.sse;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One reactor-netty {@link HttpClient} to the gateway, with a connection pool big enough for every
 * request or stream of a level at once (as the gateway's own ITs hold hundreds of streams). It runs
 * on reactor-netty's shared event loops; closing it closes its connections. Event streams are
 * parsed as they arrive, on the event loop, and each event is timed there ({@link SseParser}).
 */
final class SseClient implements AutoCloseable {

  private final String baseUrl;
  private final ConnectionProvider connections;
  private final HttpClient http;

  private SseClient(String baseUrl, int maxConnections) {
    this.baseUrl = baseUrl;
    this.connections =
        ConnectionProvider.builder("sse-bench")
            .maxConnections(maxConnections)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ofMinutes(2))
            .build();
    this.http = HttpClient.create(connections);
  }

  /** A client of the gateway at {@code baseUrl} ({@code http://127.0.0.1:port}). */
  static SseClient open(String baseUrl, int maxConnections) {
    return new SseClient(baseUrl, maxConnections);
  }

  /** A plain GET of {@code path}: its status once the whole body is read. */
  Mono<Integer> get(String path) {
    return http.get()
        .uri(baseUrl + path)
        .responseSingle(
            (response, body) ->
                body.asByteArray()
                    .map(bytes -> response.status().code())
                    .defaultIfEmpty(response.status().code()));
  }

  /**
   * Opens the run's event stream with the owner's token and feeds it to {@code receipts}; its end
   * or failure is recorded there too. Dispose the result to close the stream.
   */
  Disposable follow(String runId, String token, Receipts receipts) {
    SseParser parser = new SseParser(receipts, System::nanoTime);
    return http.headers(
            headers ->
                headers
                    .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                    .set(HttpHeaderNames.ACCEPT, "text/event-stream"))
        .get()
        .uri(baseUrl + "/api/runs/" + runId + "/events")
        .response(
            (response, body) ->
                response.status().code() == 200
                    ? body.doOnNext(parser::feed).then()
                    : Mono.error(new IllegalStateException("status " + response.status())))
        .subscribe(
            nothing -> {},
            failure -> receipts.ended("the stream failed: " + failure),
            () -> receipts.ended("the stream ended"));
  }

  @Override
  public void close() {
    connections.disposeLater().block(Duration.ofSeconds(30));
  }
}

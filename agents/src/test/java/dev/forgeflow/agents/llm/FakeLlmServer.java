package dev.forgeflow.agents.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A fake OpenAI-compatible chat-completions server on 127.0.0.1 with a random port. Every request
 * is recorded and answered by a handler; an optional fixed latency is added before each answer.
 * Reusable by any test or benchmark that needs a model endpoint.
 */
public final class FakeLlmServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Completion> completions = new CopyOnWriteArrayList<>();
  private final Function<RecordedRequest, FakeResponse> handler;
  private final Duration latency;

  private FakeLlmServer(Function<RecordedRequest, FakeResponse> handler, Duration latency)
      throws IOException {
    this.handler = handler;
    this.latency = latency;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server answering every request with {@code handler}. */
  public static FakeLlmServer start(Function<RecordedRequest, FakeResponse> handler) {
    return start(handler, Duration.ZERO);
  }

  /** Starts a server answering every request with {@code handler}, after {@code latency}. */
  public static FakeLlmServer start(
      Function<RecordedRequest, FakeResponse> handler, Duration latency) {
    try {
      return new FakeLlmServer(handler, latency);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake LLM server", e);
    }
  }

  /** Starts a server giving {@code responses} in order, repeating the last one. */
  public static FakeLlmServer scripted(FakeResponse... responses) {
    return start(FakeResponses.inOrder(responses));
  }

  /** The base URL to configure, ending in {@code /v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The requests received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** A request whose response was written to the end, and when that happened. */
  public record Completion(RecordedRequest request, Instant at) {}

  /** The requests answered to the end so far, in the order their answers ended. */
  public List<Completion> completions() {
    return List.copyOf(completions);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              new String(body, StandardCharsets.UTF_8));
      requests.add(request);
      pause(latency);
      FakeResponse response = handler.apply(request);
      respond(exchange, response);
      exchange.getResponseBody().close();
      completions.add(new Completion(request, Instant.now()));
    }
  }

  private static void respond(HttpExchange exchange, FakeResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), 0);
    OutputStream out = exchange.getResponseBody();
    for (int i = 0; i < response.parts().size(); i++) {
      if (i > 0) {
        pause(response.pauseBetweenParts());
      }
      out.write(response.parts().get(i).getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

package dev.forgeflow.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The stack's gateway on 127.0.0.1, spoken to as a client does: JSON over HTTP, an API token. */
final class Gateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OVER = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String token;

  private Gateway(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Where it answers. */
  String base() {
    return base;
  }

  /** The API token it uses, once signed up. */
  String token() {
    return token;
  }

  /**
   * Signs a new user up (CSRF double submit, as the web UI does), then issues their API token with
   * the session and uses that token from then on.
   */
  static Gateway signUp(int port, String username) throws IOException, InterruptedException {
    Gateway gateway = new Gateway(port);
    HttpResponse<String> csrf = gateway.send(gateway.request("/api/auth/csrf").GET());
    String csrfToken = JSON.readTree(csrf.body()).get("token").asText();
    String cookies = "XSRF-TOKEN=" + csrfToken;
    HttpResponse<String> signedUp =
        gateway.send(
            gateway
                .request("/api/auth/sign-up")
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(
                    body(Map.of("username", username, "password", UUID.randomUUID().toString()))));
    expect(signedUp, 201);
    StringBuilder session = new StringBuilder();
    for (String setCookie : signedUp.headers().allValues("Set-Cookie")) {
      session.append(setCookie, 0, setCookie.indexOf(';')).append("; ");
    }
    String renewed =
        signedUp.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
            .findFirst()
            .orElse(csrfToken);
    HttpResponse<String> issued =
        gateway.send(
            gateway
                .request("/api/tokens")
                .header("Cookie", session.toString())
                .header("X-XSRF-TOKEN", renewed)
                .POST(body(Map.of("name", "compose-it"))));
    expect(issued, 201);
    gateway.token = JSON.readTree(issued.body()).get("token").asText();
    return gateway;
  }

  JsonNode post(String path, Object payload) throws IOException, InterruptedException {
    HttpResponse<String> response = send(authorized(path).POST(body(payload)));
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + path + ": " + describe(response));
    }
    return JSON.readTree(response.body());
  }

  /** Deletes what the path names; its status. */
  int delete(String path) throws IOException, InterruptedException {
    return send(authorized(path).DELETE()).statusCode();
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(authorized(path).GET());
    expect(response, 200);
    return JSON.readTree(response.body());
  }

  /**
   * The host a finished run's sandbox work was placed on, from its event stream (which, for a run
   * that is over, ends after its last event).
   */
  String sandboxHost(String runId) throws IOException, InterruptedException {
    HttpResponse<String> stream =
        send(
            authorized("/api/runs/" + runId + "/events")
                .header("Accept", "text/event-stream")
                .GET());
    expect(stream, 200);
    java.util.regex.Matcher placed =
        java.util.regex.Pattern.compile("event: ?sandbox\\.placed\\s+data: ?(\\{.*})")
            .matcher(stream.body());
    String host = null;
    while (placed.find()) {
      host = JSON.readTree(placed.group(1)).path("data").path("host").asText(null);
      if (host == null) {
        host = JSON.readTree(placed.group(1)).path("host").asText(null);
      }
    }
    if (host == null) {
      throw new IllegalStateException("run " + runId + " has no sandbox.placed event");
    }
    return host;
  }

  /**
   * Follows the run's deployed service's log ({@code event: log} lines of its Server-Sent Events)
   * until a line contains {@code wanted}, the stream ends, or {@code limit} passes; returns the
   * lines read.
   */
  List<String> logUntil(String runId, String wanted, Duration limit)
      throws IOException, InterruptedException {
    HttpResponse<java.util.stream.Stream<String>> stream =
        http.send(
            authorized("/api/runs/" + runId + "/deployment/logs?tail=500")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    if (stream.statusCode() != 200) {
      throw new IllegalStateException("GET logs of " + runId + ": " + stream.statusCode());
    }
    Instant deadline = Instant.now().plus(limit);
    List<String> lines = new java.util.ArrayList<>();
    String event = null;
    try (java.util.stream.Stream<String> body = stream.body()) {
      java.util.Iterator<String> sse = body.iterator();
      while (Instant.now().isBefore(deadline) && sse.hasNext()) {
        String line = sse.next();
        if (line.startsWith("event:")) {
          event = line.substring("event:".length()).strip();
          if ("end".equals(event)) {
            break;
          }
        } else if (line.startsWith("data:") && "log".equals(event)) {
          String logged = line.substring("data:".length());
          lines.add(logged.startsWith(" ") ? logged.substring(1) : logged);
          if (logged.contains(wanted)) {
            break;
          }
        } else if (line.isEmpty()) {
          event = null;
        }
      }
    }
    return lines;
  }

  int status(String path) throws IOException, InterruptedException {
    return send(authorized(path).GET()).statusCode();
  }

  /** The run once it is over (succeeded, failed or cancelled), polled until {@code limit}. */
  JsonNode awaitEnd(String runId, Duration limit) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      JsonNode run = get("/api/runs/" + runId);
      if (OVER.contains(run.get("status").asText()) || Instant.now().isAfter(deadline)) {
        return run;
      }
      Thread.sleep(2_000);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private HttpRequest.Builder authorized(String path) {
    return request(path).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher body(Object payload) throws IOException {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload));
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method() + " " + response.uri() + ": " + describe(response));
    }
  }

  private static String describe(HttpResponse<String> response) {
    return response.statusCode() + " " + response.body();
  }
}

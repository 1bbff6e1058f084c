package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests the gateway refuses before any route sees them (an unknown method, a hostile path) get a
 * problem and a closed connection, so their unread bodies cannot stall the next request sent on the
 * same connection.
 */
class RefusedRequestsIT {

  @TempDir static Path dataDir;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void anUnknownMethodWithABodyIsAProblemAndTheConnectionCloses() throws IOException {
    URI base = URI.create(gateway.base);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      String body = "{\"version\": 1}";
      String request =
          "QUERY /api/projects HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body
              + "GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = readToEnd(socket.getInputStream());
      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .containsIgnoringCase("connection: close")
          .contains("application/problem+json")
          .contains("HTTP method is not one this API supports");
    }
  }

  @Test
  void aRequestRefusedBeforeItsBodyIsReadClosesItsConnection() throws IOException {
    URI base = URI.create(gateway.base);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      String body = "{\"name\": \"shop\"}";
      String request =
          "POST /api/projects HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body;
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = readToEnd(socket.getInputStream());
      assertThat(answer)
          .startsWith("HTTP/1.1 401")
          .containsIgnoringCase("connection: close")
          .contains("application/problem+json");
    }
  }

  /**
   * A refusal without a body closes its connection too: the browser's next request goes on a new
   * one instead of racing the refused exchange's end on the old one.
   */
  @Test
  void aRefusedRequestWithoutABodyClosesItsConnectionToo() throws IOException {
    URI base = URI.create(gateway.base);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = readToEnd(socket.getInputStream());
      assertThat(answer)
          .startsWith("HTTP/1.1 401")
          .containsIgnoringCase("connection: close")
          .contains("application/problem+json");
    }
  }

  private static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all); // ends when the server closes the connection, or fails on the timeout
    return all.toString(StandardCharsets.UTF_8);
  }
}

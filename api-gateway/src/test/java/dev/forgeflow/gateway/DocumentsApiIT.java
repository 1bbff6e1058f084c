package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Uploads the gateway refuses before any document is read: not multipart, multipart it cannot
 * parse, no file part, too large (declared or streamed). Each is a problem with a clear detail,
 * never a 5xx, and the project keeps no document.
 */
class DocumentsApiIT {

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static RunningGateway.Owner owner;
  private static String documents;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(dataDir);
    owner = gateway.newOwner();
    String project = gateway.stores.projects().create(owner.userId(), "docs").id();
    documents = gateway.base + "/api/projects/" + project + "/documents";
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private HttpResponse<String> post(String contentType, HttpRequest.BodyPublisher body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(documents))
            .header("Authorization", "Bearer " + owner.token())
            .header("Content-Type", contentType)
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String form(String boundary, String part, String fileName, String content) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + part
        + "\"; filename=\""
        + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        + content
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  @Test
  void uploadsThatAreNotAFormWithAFileAreRefusedSayingWhatToSend() throws Exception {
    HttpResponse<String> json =
        post("application/json", HttpRequest.BodyPublishers.ofString("{\"file\":\"x\"}"));
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(json.body()).contains("multipart/form-data with a file part named file");

    HttpResponse<String> noBoundary =
        post("multipart/form-data", HttpRequest.BodyPublishers.ofString("garbage"));
    assertThat(noBoundary.statusCode()).isEqualTo(400);
    assertThat(noBoundary.body()).contains("not a multipart/form-data form");

    HttpResponse<String> wrongPart =
        post(
            "multipart/form-data; boundary=b0undary",
            HttpRequest.BodyPublishers.ofString(form("b0undary", "upload", "spec.md", "x")));
    assertThat(wrongPart.statusCode()).isEqualTo(400);
    assertThat(wrongPart.body()).contains("a file part named file");

    assertThat(gateway.stores.documents().list(documents.split("/")[5])).isEmpty();
  }

  @Test
  void aDocumentOverFiveMebibytesIsRefusedWhetherDeclaredOrStreamed() throws Exception {
    String big = "a".repeat(6 * 1024 * 1024);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logged.start();
    root.addAppender(logged);
    try {
      // the refusal reaches a client still sending, every time: the rest of the body is read and
      // dropped rather than the connection closed under it
      for (int attempt = 0; attempt < 5; attempt++) {
        refusedDeclaredAndStreamed(big);
      }
      // the multipart reader may report the cut-off body again after the 413 went out: the
      // gateway's hook takes it, and a refusal already answered is no error in the server's log
      Operators.onErrorDropped(
          Problems.payloadTooLarge("A document may be at most 5242880 bytes (5 MiB)"),
          Context.empty());
    } finally {
      root.detachAppender(logged);
    }
    // Netty's leak detector is left out: it reports, when the collector happens to run, buffers
    // any client in this JVM dropped earlier (the test clients of other classes), not this request
    assertThat(logged.list)
        .filteredOn(line -> line.getLevel() == Level.ERROR)
        .filteredOn(line -> !line.getLoggerName().equals("io.netty.util.ResourceLeakDetector"))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
    assertThat(gateway.stores.documents().list(documents.split("/")[5])).isEmpty();
  }

  private void refusedDeclaredAndStreamed(String big) throws Exception {
    HttpResponse<String> declared =
        post(
            "multipart/form-data; boundary=b0undary",
            HttpRequest.BodyPublishers.ofString(form("b0undary", "file", "big.txt", big)));
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("at most 5242880 bytes");

    // no Content-Length: the part is cut off as it streams in
    byte[] body = form("b0undary", "file", "big.txt", big).getBytes(StandardCharsets.US_ASCII);
    Iterator<byte[]> chunks =
        new Iterator<>() {
          int at = 0;

          @Override
          public boolean hasNext() {
            return at < body.length;
          }

          @Override
          public byte[] next() {
            int end = Math.min(body.length, at + 64 * 1024);
            byte[] chunk = java.util.Arrays.copyOfRange(body, at, end);
            at = end;
            return chunk;
          }
        };
    HttpResponse<String> streamed =
        post(
            "multipart/form-data; boundary=b0undary",
            HttpRequest.BodyPublishers.ofByteArrays(() -> chunks));
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(streamed.body()).contains("at most 5242880 bytes");
  }
}

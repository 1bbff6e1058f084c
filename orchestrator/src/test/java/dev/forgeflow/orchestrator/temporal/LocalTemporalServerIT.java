package dev.forgeflow.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode's dev server, from the temporal executable scripts/test installed. */
class LocalTemporalServerIT {

  @TempDir Path dataDir;

  private static Path cli() {
    String cli = System.getenv("FORGEFLOW_TEMPORAL_CLI");
    assertThat(cli)
        .as("FORGEFLOW_TEMPORAL_CLI must name the temporal executable: run ./scripts/test")
        .isNotBlank();
    return TemporalCli.find(Path.of("unused"), cli);
  }

  @Test
  void theServerKeepsItsDatabaseInTheDataDirServesTemporalWebAndIsReusedUntilClosed()
      throws Exception {
    LocalTemporalServer server = LocalTemporalServer.startOrReuse(dataDir, cli(), "default");
    try {
      assertThat(server.target()).startsWith("127.0.0.1:");
      assertThat(dataDir.resolve("temporal/temporal.db")).exists();
      assertThat(webAnswers(server.webUrl())).isTrue();

      LocalTemporalServer again = LocalTemporalServer.startOrReuse(dataDir, cli(), "default");

      assertThat(again.target()).isEqualTo(server.target());
    } finally {
      server.close();
    }
    assertThat(dataDir.resolve("temporal/" + LocalTemporalServer.STATE_FILE)).doesNotExist();
    assertThat(
            ProcessHandle.allProcesses()
                .filter(
                    p ->
                        p.info()
                            .commandLine()
                            .filter(line -> line.contains(dataDir.toString()))
                            .isPresent()))
        .isEmpty();
  }

  @Test
  void aConfiguredExecutableThatIsNotThereIsNamedInTheReason() {
    Path missing = dataDir.resolve("no-temporal");

    assertThatThrownBy(() -> TemporalCli.find(dataDir, missing.toString()))
        .isInstanceOf(TemporalUnavailable.class)
        .hasMessageContaining("FORGEFLOW_TEMPORAL_CLI names " + missing);
  }

  private static boolean webAnswers(String url) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> page =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() == 200) {
          return true;
        }
      } catch (java.io.IOException notYet) {
        // the UI starts a moment after the frontend
      }
      Thread.sleep(200);
    }
    return false;
  }
}

package dev.forgeflow.cli;

import static dev.forgeflow.cli.CliOutput.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures a user can cause or meet, each ending in a sentence and its exit code. */
class CliFailuresIT {
  private static final String PROMPT = "A bookstore API with books (title, author, price: float)";
  private static final Duration QUICK = Duration.ofMinutes(1);

  @TempDir Path work;

  private record Ended(int exit, String output) {}

  private Ended cli(Map<String, String> env, String... args) throws Exception {
    try (CliProcess cli = CliProcess.start(work, env, args)) {
      int exit = cli.exitCode(QUICK);
      assertNoStackTrace(cli.output());
      return new Ended(exit, cli.output());
    }
  }

  @Test
  void malformedModelVariablesAreNamedAndNothingStarts() throws Exception {
    Ended url = cli(Map.of("FORGEFLOW_LLM_BASE_URL", "not a url"), "run", PROMPT);
    assertThat(url.exit()).isEqualTo(2);
    assertThat(url.output())
        .contains(
            "forgeflow: FORGEFLOW_LLM_BASE_URL=not a url: not an http(s) URL; expected the"
                + " endpoint's http(s) base URL");

    Ended timeout =
        cli(
            Map.of(
                "FORGEFLOW_LLM_BASE_URL", "http://127.0.0.1:9/v1",
                "FORGEFLOW_LLM_TIMEOUT_SECONDS", "soon"),
            "run",
            PROMPT);
    assertThat(timeout.exit()).isEqualTo(2);
    assertThat(timeout.output())
        .contains("forgeflow: FORGEFLOW_LLM_TIMEOUT_SECONDS=soon: not a whole number; expected");

    Ended prices =
        cli(
            Map.of(
                "FORGEFLOW_LLM_BASE_URL", "http://127.0.0.1:9/v1",
                "FORGEFLOW_LLM_PRICES", "gpt-4o=cheap"),
            "run",
            PROMPT);
    assertThat(prices.exit()).isEqualTo(2);
    assertThat(prices.output())
        .contains("forgeflow: FORGEFLOW_LLM_PRICES=gpt-4o=cheap: not a price list; expected");
    assertThat(work.resolve(".forgeflow")).doesNotExist();
  }

  @Test
  void budgetsThatAreNotAFiniteAmountAreRefused() throws Exception {
    for (String budget : new String[] {"NaN", "Infinity", "-1"}) {
      Ended refused = cli(Map.of(), "run", "--budget-usd", budget, PROMPT);
      assertThat(refused.exit()).as(budget).isEqualTo(2);
      assertThat(refused.output())
          .as(budget)
          .containsAnyOf(
              "forgeflow: the cost budget must be a number of US dollars",
              "forgeflow: a budget cannot be negative");
    }
    assertThat(work.resolve(".forgeflow")).doesNotExist();
  }

  @Test
  void unknownOptionsAndMalformedValuesGetAHint() throws Exception {
    Ended unknown = cli(Map.of(), "run", "--frobnicate", PROMPT);
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.output())
        .contains("forgeflow: Unknown option: '--frobnicate'.")
        .contains("Run 'forgeflow run --help'");

    Ended notANumber = cli(Map.of(), "run", "--max-rounds", "many", PROMPT);
    assertThat(notANumber.exit()).isEqualTo(2);
    assertThat(notANumber.output()).contains("'many' is not an int");
  }

  @Test
  void anOutFolderThatIsAFileOrCannotBeWrittenIsRefusedBeforeTheRun() throws Exception {
    Files.writeString(work.resolve("taken"), "a file");
    Ended file = cli(Map.of(), "run", "--out", "taken", PROMPT);
    assertThat(file.exit()).isEqualTo(2);
    assertThat(file.output())
        .contains("forgeflow: --out " + work.resolve("taken") + " cannot be a folder")
        .contains("is a file");

    // nothing may create files in /proc, not even root
    Ended unwritable = cli(Map.of(), "run", "--out", "/proc/forgeflow-out", PROMPT);
    assertThat(unwritable.exit()).isEqualTo(4);
    assertThat(unwritable.output())
        .contains("forgeflow: Cannot write under /proc")
        .contains("Choose another --out folder.");
    assertThat(work.resolve(".forgeflow")).doesNotExist();
  }

  @Test
  void aDataDirThatCannotBeCreatedIsAnEnvironmentProblem() throws Exception {
    Files.writeString(work.resolve("not-a-dir"), "a file");
    Ended ended = cli(Map.of("FORGEFLOW_DATA_DIR", "not-a-dir"), "run", PROMPT);
    assertThat(ended.exit()).isEqualTo(4);
    assertThat(ended.output())
        .contains("forgeflow: Cannot use " + work.resolve("not-a-dir") + " as the data directory")
        .contains("Set FORGEFLOW_DATA_DIR");
  }

  @Test
  void stopWithoutPermissionOnTheDockerDaemonSaysSo() throws Exception {
    HttpServer refusing = fakeDaemon(403);
    try {
      String host = "tcp://127.0.0.1:" + refusing.getAddress().getPort();
      Ended ended = cli(Map.of("DOCKER_HOST", host), "stop", "bookstore-api");
      assertThat(ended.exit()).isEqualTo(4);
      assertThat(ended.output())
          .contains("forgeflow: No Docker daemon answers at " + host)
          .contains("403")
          .contains("'forgeflow stop' needs one")
          .contains("may use it");
    } finally {
      refusing.stop(0);
    }
  }

  @Test
  void aDaemonThatRefusesTheStopIsNamedWithItsReason() throws Exception {
    HttpServer daemon = fakeDaemon(200);
    try {
      String host = "tcp://127.0.0.1:" + daemon.getAddress().getPort();
      Ended ended = cli(Map.of("DOCKER_HOST", host), "stop", "bookstore-api");
      assertThat(ended.exit()).isEqualTo(4);
      assertThat(ended.output())
          .contains("forgeflow: The Docker daemon refused the request (HTTP 403: authorization")
          .contains("Check that this user may use Docker");
    } finally {
      daemon.stop(0);
    }
  }

  /**
   * A Docker daemon on loopback that answers {@code /version} with {@code versionStatus} and
   * refuses everything else, as a daemon behind an authorization plugin does.
   */
  private static HttpServer fakeDaemon(int versionStatus) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean version = exchange.getRequestURI().getPath().endsWith("/version");
          int status = version ? versionStatus : 403;
          String body =
              version && status == 200
                  ? "{\"ApiVersion\":\"1.41\",\"Version\":\"20.10.24\"}"
                  : "{\"message\":\"authorization denied by plugin forgeflow-test\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }
}

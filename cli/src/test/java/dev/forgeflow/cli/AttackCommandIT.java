package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forgeflow attack} as a real process against services on loopback run by the test venv's
 * Uvicorn: a small service written by hand is found out, an offline-planned one survives, and a
 * target that is not a service is refused in one sentence.
 */
class AttackCommandIT {
  private static final Duration ATTACK = Duration.ofMinutes(3);

  @TempDir Path work;
  private Process service;

  @AfterEach
  void stopService() throws InterruptedException {
    if (service != null) {
      service.destroy();
      service.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aHandWrittenServiceWithUnboundedInputIsFoundOut() throws Exception {
    Path dir = Files.createDirectories(work.resolve("shop"));
    try (InputStream in = getClass().getResourceAsStream("/handwritten/shop.py")) {
      Files.copy(in, dir.resolve("shop.py"));
    }
    String url = serve(dir, "shop:app");

    Ended attack = attack(url);

    assertThat(attack.exit()).as(attack.output()).isEqualTo(1);
    assertThat(attack.output())
        .contains("exceptional-input.items.non-finite number")
        .contains("CWE-20 exceptional-input: POST /items")
        .containsPattern("[1-9]\\d* finding\\(s\\); \\d+ requests to \\d+ endpoints");
  }

  @Test
  void anOfflinePlannedServiceSurvivesTheAttack() throws Exception {
    Path dir = Files.createDirectories(work.resolve("bookstore"));
    OfflinePlanner planner = new OfflinePlanner();
    ProjectCharter charter =
        planner.charter(
            "A bookstore API with books (title, author, price: float) and reviews"
                + " (book_id, rating: int, comment)");
    SystemArchitecture architecture = planner.architecture(charter, null);
    for (PlannedFile file : architecture.filePlan()) {
      Path target = dir.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.writeString(target, planner.render(file, charter, architecture));
    }
    String url = serve(dir, "app.main:app");

    Ended attack = attack(url);

    assertThat(attack.exit()).as(attack.output()).isZero();
    assertThat(attack.output()).containsPattern("0 finding\\(s\\); [1-9]\\d{2,} requests to");
  }

  @Test
  void aTargetThatIsNeitherAUrlNorADeployedProjectIsBadInput() throws Exception {
    Ended notAUrl = attack("ftp://127.0.0.1/");
    Ended noProject = attack("no-such-project");

    assertThat(notAUrl.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(notAUrl.output()).contains("is not an http(s) URL with a host");
    assertThat(noProject.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noProject.output()).contains("No running deployment of project no-such-project");
  }

  private Ended attack(String target) throws Exception {
    Map<String, String> env =
        Map.of(
            "FORGEFLOW_DATA_DIR", work.resolve("data").toString(),
            "FORGEFLOW_SANDBOX_BASE_IMAGE", System.getenv("FORGEFLOW_SANDBOX_BASE_IMAGE"));
    try (CliProcess cli = CliProcess.start(work, env, "attack", target)) {
      int exit = cli.exitCode(ATTACK);
      assertThat(cli.output()).doesNotContain("\tat ", "Exception in thread");
      return new Ended(exit, cli.output());
    }
  }

  /** Starts Uvicorn on a free loopback port and waits until it accepts connections. */
  private String serve(Path dir, String app) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String python = System.getenv("FORGEFLOW_TEST_PYTHON");
    assertThat(python).as("FORGEFLOW_TEST_PYTHON (scripts/python-test-env)").isNotBlank();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    python,
                    "-m",
                    "uvicorn",
                    app,
                    "--app-dir",
                    dir.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port)))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("service-" + port + ".log").toFile());
    builder.environment().put("DATABASE_URL", "sqlite:///" + dir.resolve("service.db"));
    service = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return "http://127.0.0.1:" + port;
      } catch (IOException notYet) {
        assertThat(service.isAlive())
            .as(Files.readString(work.resolve("service-" + port + ".log")))
            .isTrue();
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the service did not listen on " + port + " within 30 s");
  }

  private record Ended(int exit, String output) {}
}

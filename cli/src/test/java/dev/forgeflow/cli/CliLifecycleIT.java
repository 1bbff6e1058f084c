package dev.forgeflow.cli;

import static dev.forgeflow.cli.CliOutput.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the CLI ends when something outside it intervenes: a signal, a second CLI, Temporal. */
class CliLifecycleIT {
  private static final String PROMPT =
      "A bookstore API with books (title, author, price: float) and reviews "
          + "(book_id, rating: int, comment)";
  private static final Duration RUN = Duration.ofMinutes(3);

  @TempDir Path work;

  @Test
  void terminateWhileTheStackStartsLeavesNoPostgresRunning() throws Exception {
    Path dataDir = work.resolve("data");
    try (CliProcess cli =
        CliProcess.start(
            work,
            Map.of("FORGEFLOW_DATA_DIR", dataDir.toString(), "FORGEFLOW_SANDBOX", "off"),
            "run",
            PROMPT)) {
      cli.awaitOutput("starting the local stack", RUN);
      long deadline = System.nanoTime() + RUN.toNanos();
      while (!serverRunsOn(dataDir) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(serverRunsOn(dataDir)).as("the embedded server started").isTrue();

      cli.terminate();

      assertThat(cli.exitCode(Duration.ofMinutes(1))).isEqualTo(143);
      assertThat(cli.output()).contains("interrupted while starting: stopping the local stack");
      assertNoStackTrace(cli.output());
    }
    assertThat(postgresOf(dataDir)).as("servers left on " + dataDir).isEmpty();
  }

  @Test
  void aSecondCliOnTheSameDataDirIsToldItIsInUse() throws Exception {
    Map<String, String> env = Map.of("FORGEFLOW_SANDBOX", "off");
    try (CliProcess first = CliProcess.start(work, env, "run", "--approve-plan", PROMPT)) {
      first.awaitOutput("Approve this plan?", RUN);
      try (CliProcess second = CliProcess.start(work, env, "run", PROMPT)) {
        assertThat(second.exitCode(Duration.ofMinutes(1))).isEqualTo(4);
        assertThat(second.output())
            .contains(
                "forgeflow: The data directory "
                    + work.resolve(".forgeflow")
                    + " is in use by another forgeflow process.")
            .doesNotContain("starting the local stack");
        assertNoStackTrace(second.output());
      }
      first.interrupt();
      assertThat(first.exitCode(Duration.ofMinutes(1))).isEqualTo(130);
    }
  }

  @Test
  void aWorkflowTerminatedFromTemporalStillEndsTheCliWithAVerdict() throws Exception {
    int port = freePort();
    try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(port);
        CliProcess cli =
            CliProcess.start(
                work,
                Map.of(
                    "FORGEFLOW_TEMPORAL_TARGET", "127.0.0.1:" + port, "FORGEFLOW_SANDBOX", "off"),
                "run",
                "--approve-plan",
                PROMPT)) {
      cli.awaitOutput("Approve this plan?", RUN);
      Matcher run = Pattern.compile("forgeflow · run (\\S+)").matcher(cli.output());
      assertThat(run.find()).as(cli.output()).isTrue();
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
      try {
        WorkflowClient.newInstance(service)
            .newUntypedWorkflowStub(run.group(1))
            .terminate("stopped by an operator");
      } finally {
        service.shutdownNow();
      }

      assertThat(cli.exitCode(Duration.ofMinutes(1))).as(cli.output()).isEqualTo(3);
      assertThat(cli.output())
          .contains("✗ the run's workflow ended (terminated: stopped by an operator)")
          .contains("without journalling a verdict");
      assertNoStackTrace(cli.output());
    }
  }

  /** Whether a PostgreSQL server (not initdb) runs on {@code dataDir}. */
  private static boolean serverRunsOn(Path dataDir) throws IOException {
    return postgresOf(dataDir).stream().anyMatch(CliLifecycleIT::isServer);
  }

  private static boolean isServer(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().commandLine())
        .map(c -> c.contains("/bin/postgres -D "))
        .orElse(false);
  }

  /**
   * PostgreSQL processes (initdb too) whose command line or working directory is in {@code
   * dataDir}.
   */
  private static List<Long> postgresOf(Path dataDir) throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> isPostgresIn(p, dataDir))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }

  private static boolean isPostgresIn(Path process, Path dataDir) {
    try {
      String commandLine =
          new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ');
      if (!commandLine.contains("postgres")) {
        return false;
      }
      return commandLine.contains(dataDir.toString())
          || Files.readSymbolicLink(process.resolve("cwd")).startsWith(dataDir);
    } catch (IOException | SecurityException gone) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.FakeModel;
import dev.forgeflow.agents.llm.FakeLlmServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forgeflow run} end to end, as a real process on the embedded stack. */
class ForgeflowRunIT {
  private static final String PROMPT =
      "A bookstore API with books (title, author, price: float) and reviews "
          + "(book_id, rating: int, comment)";
  private static final Duration RUN = Duration.ofMinutes(3);

  @TempDir Path work;

  @AfterEach
  void stopDeployments() throws Exception {
    try (CliProcess cli = CliProcess.start(work, Map.of(), "stop", "bookstore-api")) {
      cli.exitCode(Duration.ofMinutes(1));
    }
  }

  @Test
  void runDeploysAnApprovedProjectWhoseUrlAnswersCrudAndWhoseOwnTestsPass() throws Exception {
    String url;
    try (CliProcess cli = CliProcess.start(work, Map.of(), "run", PROMPT)) {
      assertThat(cli.exitCode(RUN)).as(cli.output()).isZero();
      Matcher deployed =
          Pattern.compile("deployed +(http://127\\.0\\.0\\.1:\\d+)").matcher(cli.output());
      assertThat(deployed.find()).as(cli.output()).isTrue();
      url = deployed.group(1);
      assertThat(cli.output())
          .contains("offline planner — no model configured")
          .contains("▸ implementation")
          .contains("sandbox: base image forgeflow/sandbox-python:latest")
          .contains("▸ checks (round 1)")
          .contains("sandbox checks: passed")
          .contains("APPROVED — approved in review round 1")
          .contains("written  " + work.resolve("generated/bookstore-api"))
          .containsPattern("temporal: dev server at 127\\.0\\.0\\.1:\\d+, Temporal Web http://")
          .containsPattern(
              "Temporal Web: http://127\\.0\\.0\\.1:\\d+/namespaces/default/workflows/");
    }
    assertThat(work.resolve(".forgeflow/temporal/temporal.db")).isNotEmptyFile();
    assertThat(temporalServersOf(work)).as("the dev server stops with the CLI").isEmpty();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/books"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\": \"Dune\", \"author\": \"Herbert\", \"price\": 9.5}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> listed =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/books")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(listed.body()).contains("Dune");
    try (CliProcess cli = CliProcess.start(work, Map.of(), "deployments")) {
      assertThat(cli.exitCode(Duration.ofMinutes(1))).isZero();
      assertThat(cli.output()).contains("bookstore-api").contains(url);
    }
    Path project = work.resolve("generated/bookstore-api");
    assertThat(project.resolve("app/main.py")).exists();
    assertThat(project.resolve("app/routers/reviews.py")).exists();
    assertThat(work.resolve(".forgeflow/postgres")).isDirectory();
    assertThat(pytest(project)).isZero();
  }

  @Test
  void approvePlanTakesFeedbackThenApproval() throws Exception {
    try (CliProcess cli = CliProcess.start(work, Map.of(), "run", "--approve-plan", PROMPT)) {
      cli.awaitOutput("Approve this plan?", RUN);
      assertThat(cli.output()).contains("file app/models.py");
      cli.type("add pagination to the list endpoints");
      cli.awaitOutput("(with feedback)", RUN);
      cli.type("y");
      assertThat(cli.exitCode(RUN)).as(cli.output()).isZero();
      assertThat(cli.output())
          .contains("feedback sent")
          .contains("plan approved")
          .contains("APPROVED");
    }
  }

  @Test
  void interruptCancelsTheRunInsteadOfAbandoningIt() throws Exception {
    try (CliProcess cli = CliProcess.start(work, Map.of(), "run", "--approve-plan", PROMPT)) {
      cli.awaitOutput("Approve this plan?", RUN);

      cli.interrupt();

      int exit = cli.exitCode(Duration.ofMinutes(1));
      assertThat(cli.output()).contains("interrupted: cancelling run").contains("✗ run cancelled");
      assertThat(exit).isEqualTo(130);
    }
  }

  @Test
  void emptyOrOversizedPromptIsRefusedBeforeAnythingStarts() throws Exception {
    try (CliProcess cli = CliProcess.start(work, Map.of(), "run", "  ")) {
      assertThat(cli.exitCode(Duration.ofMinutes(1))).isEqualTo(2);
      assertThat(cli.output()).contains("the prompt is empty");
    }
    try (CliProcess cli = CliProcess.start(work, Map.of(), "run", "x".repeat(20_001))) {
      assertThat(cli.exitCode(Duration.ofMinutes(1))).isEqualTo(2);
      assertThat(cli.output()).contains("at most 20000");
    }
    assertThat(work.resolve(".forgeflow")).doesNotExist();
  }

  @Test
  void configuredModelIsUsedThroughOpenAiJavaWithTokensAndCostShown() throws Exception {
    try (FakeLlmServer server = FakeLlmServer.start(new FakeModel());
        CliProcess cli =
            CliProcess.start(
                work,
                Map.of(
                    "FORGEFLOW_LLM_BASE_URL", server.baseUrl(),
                    "FORGEFLOW_LLM_API_KEY", "sk-cli-test",
                    "FORGEFLOW_LLM_MODEL", "fake-model",
                    "FORGEFLOW_LLM_PRICES", "fake-model=1.5/2"),
                "run",
                PROMPT)) {
      assertThat(cli.exitCode(RUN)).as(cli.output()).isZero();
      assertThat(cli.output())
          .contains("planner: model fake-model at " + server.baseUrl())
          .doesNotContain("offline planner")
          .containsPattern("requirements · fake-model: \\d+\\+\\d+ tokens")
          .containsPattern("usage +[\\d,]+ tokens, \\$0\\.\\d+");
      assertThat(server.requests()).isNotEmpty();
    }
    assertThat(work.resolve("generated/bookstore-api/app/main.py")).exists();
  }

  @Test
  void withoutATemporalServerTheRunFallsBackAndSaysItWillNotSurviveARestart() throws Exception {
    Map<String, String> env =
        Map.of(CliProcess.TEMPORAL_CLI, work.resolve("no-temporal").toString());
    try (CliProcess cli = CliProcess.start(work, env, "run", "--no-sandbox", PROMPT)) {
      assertThat(cli.exitCode(RUN)).as(cli.output()).isZero();
      assertThat(cli.output())
          .contains("temporal: in-process service — runs will NOT survive a restart of Forgeflow")
          .contains("FORGEFLOW_TEMPORAL_CLI names " + work.resolve("no-temporal"))
          .doesNotContain("Temporal Web:")
          .contains("APPROVED");
    }
  }

  /** Pids of Temporal dev servers whose command line names the work dir. */
  private static List<Long> temporalServersOf(Path work) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .filter(line -> line.contains("start-dev") && line.contains(work.toString()))
                    .isPresent())
        .map(ProcessHandle::pid)
        .toList();
  }

  @Test
  void noDeployEndsTestedButNotDeployed() throws Exception {
    try (CliProcess cli = CliProcess.start(work, Map.of(), "run", "--no-deploy", PROMPT)) {
      assertThat(cli.exitCode(RUN)).as(cli.output()).isZero();
      assertThat(cli.output()).contains("sandbox checks: passed").doesNotContain("▸ deploy");
    }
  }

  @Test
  void withoutADockerDaemonTheRunSaysSoAndStopsBeforeTheSandboxSteps() throws Exception {
    String socket = "unix://" + work.resolve("no-docker.sock");
    try (CliProcess cli = CliProcess.start(work, Map.of("DOCKER_HOST", socket), "run", PROMPT)) {
      assertThat(cli.exitCode(RUN)).as(cli.output()).isZero();
      assertThat(cli.output())
          .contains("sandbox: off — No Docker daemon answers at " + socket)
          .contains("The pipeline stops before the sandbox steps")
          .contains("DOCKER_HOST")
          .doesNotContain("▸ checks")
          .doesNotContain("Exception");
    }
  }

  @Test
  void launcherScriptExplainsThatJava17IsNeeded() throws Exception {
    Path fakeJava = work.resolve("jdk11/bin/java");
    java.nio.file.Files.createDirectories(fakeJava.getParent());
    java.nio.file.Files.writeString(
        fakeJava, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
    fakeJava.toFile().setExecutable(true);
    ProcessBuilder launcher =
        new ProcessBuilder(
                Path.of("..", "forgeflow").toAbsolutePath().normalize().toString(), "run", PROMPT)
            .redirectErrorStream(true);
    launcher.environment().put("JAVA_HOME", work.resolve("jdk11").toString());
    Process process = launcher.start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(output).contains("Java 17 or newer is needed").contains("Java 11");
  }

  private static int pytest(Path project) throws Exception {
    String python = System.getenv("FORGEFLOW_TEST_PYTHON");
    assertThat(python)
        .as("FORGEFLOW_TEST_PYTHON: run scripts/python-test-env (./scripts/test does)")
        .isNotBlank();
    Process process =
        new ProcessBuilder(python, "-m", "pytest", "-q", "-p", "no:cacheprovider")
            .directory(project.toFile())
            .inheritIO()
            .start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }
}

package dev.forgeflow.cli;

import static dev.forgeflow.cli.CliOutput.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forgeflow serve} as a real process, and the CLI as its client, as real processes too:
 * locally (the serve on the same data dir is found and used) and remotely ({@code FORGEFLOW_URL}
 * with a token, from another directory, or a token saved by {@code forgeflow login}).
 */
class ServeIT {

  private static final Duration RUN = Duration.ofMinutes(3);
  private static final Duration COMMAND = Duration.ofMinutes(1);
  private static final String PROMPT = "A library API with books (title, author, year: int)";

  @TempDir static Path home;
  private static CliProcess serve;
  private static String url;
  private static String token;

  @BeforeAll
  static void startServer() throws Exception {
    serve = CliProcess.start(home, Map.of("FORGEFLOW_SANDBOX", "off"), "serve", "--port", "0");
    serve.awaitOutput("Ctrl-C stops the server", RUN);
    Matcher serving =
        Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)").matcher(serve.output());
    assertThat(serving.find()).as(serve.output()).isTrue();
    url = serving.group(1);
    assertThat(serve.output())
        .contains("API docs (Swagger UI): " + url + "/docs")
        .containsPattern("Temporal Web: http://127\\.0\\.0\\.1:\\d+/namespaces/default/workflows");
    Path tokenFile = home.resolve(".forgeflow/api-token");
    assertThat(Files.getPosixFilePermissions(tokenFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    token = Files.readString(tokenFile).strip();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (serve != null) {
      serve.interrupt();
      assertThat(serve.exitCode(COMMAND)).isEqualTo(ExitCodes.CANCELLED);
      assertThat(home.resolve(".forgeflow/" + ServerFile.NAME)).doesNotExist();
      serve.close();
    }
  }

  private static Map<String, String> remote(Path config) {
    Map<String, String> env = new HashMap<>();
    env.put("FORGEFLOW_URL", url);
    env.put("FORGEFLOW_TOKEN", token);
    env.put("XDG_CONFIG_HOME", config.toString());
    return env;
  }

  private static CliProcess cli(Path dir, Map<String, String> env, String... args)
      throws IOException {
    return CliProcess.start(dir, env, args);
  }

  @Test
  void runOnTheDataDirOfARunningServeUsesThatServer(@TempDir Path out) throws Exception {
    try (CliProcess run =
        cli(home, Map.of(), "run", "--no-sandbox", "--out", out.toString(), PROMPT)) {
      assertThat(run.exitCode(RUN)).as(run.output()).isZero();
      assertThat(run.output())
          .contains("using the server at " + url)
          .doesNotContain("starting the local stack")
          .contains("offline planner — no model configured")
          .contains("▸ implementation")
          .contains("APPROVED");
      assertNoStackTrace(run.output());
    }
    assertThat(out.resolve("library-api/app/main.py")).isNotEmptyFile();
  }

  @Test
  void documentsAttachedToAProjectShapeTheRunAndItsCodeAnswersQuestions(@TempDir Path elsewhere)
      throws Exception {
    Map<String, String> env = remote(elsewhere);
    Path spec = elsewhere.resolve("clinic-spec.md");
    Files.writeString(
        spec,
        "# Clinic\n\n## Resources\n\n- patients: name, born: date\n"
            + "- visits: patient_id, reason, paid: bool\n");
    Path notes = elsewhere.resolve("notes.txt");
    Files.writeString(notes, "Visits are short.");
    Path binary = elsewhere.resolve("photo.md");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0, 1});

    try (CliProcess add = cli(elsewhere, env, "docs", "add", "clinic", notes.toString())) {
      assertThat(add.exitCode(COMMAND)).as(add.output()).isZero();
      assertThat(add.output()).contains("attached notes.txt (1 passages)");
    }
    try (CliProcess refused = cli(elsewhere, env, "docs", "add", "clinic", binary.toString())) {
      assertThat(refused.exitCode(COMMAND)).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("photo.md cannot be read as text");
      assertNoStackTrace(refused.output());
    }
    try (CliProcess missing =
        cli(elsewhere, env, "run", "--project", "clinic", "--doc", "nope.pdf", "x (y)")) {
      assertThat(missing.exitCode(COMMAND)).as(missing.output()).isNotZero();
      assertThat(missing.output()).contains("No document at nope.pdf.");
    }
    try (CliProcess run =
        cli(
            elsewhere,
            env,
            "run",
            "--no-sandbox",
            "--project",
            "clinic",
            "--doc",
            spec.toString(),
            "--out",
            "out",
            "Build the API described in the attached spec.")) {
      assertThat(run.exitCode(RUN)).as(run.output()).isZero();
      assertThat(run.output()).contains("attached clinic-spec.md").contains("APPROVED");
    }
    try (CliProcess list = cli(elsewhere, env, "docs", "list", "clinic")) {
      assertThat(list.exitCode(COMMAND)).as(list.output()).isZero();
      assertThat(list.output()).contains("clinic-spec.md").contains("notes.txt");
    }
    try (CliProcess ask =
        cli(elsewhere, env, "ask", "clinic", "where is a visit's patient checked?")) {
      assertThat(ask.exitCode(COMMAND)).as(ask.output()).isZero();
      assertThat(ask.output())
          .contains("offline planner — no model configured: the passages that match best")
          .containsPattern("(?m)^\\S+:\\d+-\\d+  \\(score 0\\.\\d\\d\\)$")
          .contains("visits")
          // the code shown may name exceptions; a trace of our own would have "\tat " lines
          .doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
    }
  }

  @Test
  void aRemoteClientStartsShowsListsAndDownloadsARun(@TempDir Path elsewhere) throws Exception {
    Map<String, String> env = remote(elsewhere);
    String runId;
    try (CliProcess run = cli(elsewhere, env, "run", "--detach", "--no-sandbox", PROMPT)) {
      assertThat(run.exitCode(COMMAND)).as(run.output()).isZero();
      Matcher id = Pattern.compile("(?m)^([0-9a-f-]{36})$").matcher(run.output());
      assertThat(id.find()).as(run.output()).isTrue();
      runId = id.group(1);
    }
    assertThat(elsewhere.resolve(".forgeflow")).as("no local stack started").doesNotExist();

    long deadline = System.nanoTime() + RUN.toNanos();
    String shown = "";
    while (System.nanoTime() < deadline && !shown.contains("SUCCEEDED")) {
      try (CliProcess show = cli(elsewhere, env, "show", runId)) {
        assertThat(show.exitCode(COMMAND)).as(show.output()).isZero();
        shown = show.output();
      }
      Thread.sleep(1_000);
    }
    assertThat(shown).contains("status   SUCCEEDED").contains("service  library-api");

    try (CliProcess runs = cli(elsewhere, env, "runs")) {
      assertThat(runs.exitCode(COMMAND)).as(runs.output()).isZero();
      assertThat(runs.output()).contains(runId).contains("library-api");
    }
    try (CliProcess files = cli(elsewhere, env, "files", runId)) {
      assertThat(files.exitCode(COMMAND)).as(files.output()).isZero();
      assertThat(files.output()).contains("app/main.py").contains("tests/test_books.py");
    }
    try (CliProcess diff = cli(elsewhere, env, "diff", runId, "1", "1")) {
      assertThat(diff.exitCode(COMMAND)).as(diff.output()).isZero();
      assertThat(diff.output()).doesNotContain("@@");
    }
    try (CliProcess download = cli(elsewhere, env, "download", runId, "--out", "zips")) {
      assertThat(download.exitCode(COMMAND)).as(download.output()).isZero();
    }
    Path zip = elsewhere.resolve("zips/forgeflow-" + runId.substring(0, 8) + ".zip");
    boolean hasMain = false;
    try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
      for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        hasMain |= entry.getName().endsWith("app/main.py");
      }
    }
    assertThat(hasMain).isTrue();
    try (CliProcess approve = cli(elsewhere, env, "approve", runId)) {
      assertThat(approve.exitCode(COMMAND)).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(approve.output()).contains("the run has ended");
      assertNoStackTrace(approve.output());
    }
  }

  @Test
  void aRemoteRunWaitsForApprovalGivenFromAnotherCommand(@TempDir Path elsewhere) throws Exception {
    Map<String, String> env = remote(elsewhere);
    try (CliProcess run =
        cli(elsewhere, env, "run", "--approve-plan", "--no-sandbox", "--out", "out", PROMPT)) {
      run.awaitOutput("Approve this plan?", RUN);
      Matcher id = Pattern.compile("run ([0-9a-f-]{36})").matcher(run.output());
      assertThat(id.find()).as(run.output()).isTrue();
      try (CliProcess changes =
          cli(elsewhere, env, "request-changes", id.group(1), "add an isbn to books")) {
        assertThat(changes.exitCode(COMMAND)).as(changes.output()).isZero();
      }
      run.awaitOutput("(with feedback)", RUN);
      try (CliProcess approve = cli(elsewhere, env, "approve", id.group(1))) {
        assertThat(approve.exitCode(COMMAND)).as(approve.output()).isZero();
      }
      assertThat(run.exitCode(RUN)).as(run.output()).isZero();
      assertThat(run.output()).contains("APPROVED");
    }
    assertThat(elsewhere.resolve("out/library-api/app/main.py")).isNotEmptyFile();
  }

  @Test
  void interruptingARemoteRunCancelsIt(@TempDir Path elsewhere) throws Exception {
    Map<String, String> env = remote(elsewhere);
    try (CliProcess run = cli(elsewhere, env, "run", "--approve-plan", "--no-sandbox", PROMPT)) {
      run.awaitOutput("Approve this plan?", RUN);
      run.interrupt();
      assertThat(run.exitCode(COMMAND)).as(run.output()).isEqualTo(ExitCodes.CANCELLED);
      assertThat(run.output()).contains("cancelling run").contains("run cancelled");
    }
  }

  @Test
  void loginSavesATokenThatLaterCommandsUse(@TempDir Path elsewhere) throws Exception {
    Map<String, String> noToken = new HashMap<>();
    noToken.put("FORGEFLOW_URL", url);
    noToken.put("XDG_CONFIG_HOME", elsewhere.resolve("config").toString());
    try (CliProcess runs = cli(elsewhere, noToken, "runs")) {
      assertThat(runs.exitCode(COMMAND)).isEqualTo(ExitCodes.ENVIRONMENT);
      assertThat(runs.output()).contains("forgeflow login");
      assertNoStackTrace(runs.output());
    }

    signUp("grace", "a long enough password");
    try (CliProcess login = cli(elsewhere, noToken, "login", url, "--username", "grace")) {
      login.type("a long enough password");
      assertThat(login.exitCode(COMMAND)).as(login.output()).isZero();
      assertThat(login.output()).contains("signed in to " + url + " as grace");
    }
    Path saved = elsewhere.resolve("config/forgeflow/credentials.json");
    assertThat(Files.getPosixFilePermissions(saved))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (CliProcess runs = cli(elsewhere, noToken, "runs")) {
      assertThat(runs.exitCode(COMMAND)).as(runs.output()).isZero();
      assertThat(runs.output()).contains("no runs yet"); // grace sees none of the local user's
    }
    try (CliProcess wrong = cli(elsewhere, noToken, "login", url, "--username", "grace")) {
      wrong.type("not the password");
      assertThat(wrong.exitCode(COMMAND)).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(wrong.output()).contains("wrong username or password");
      assertNoStackTrace(wrong.output());
    }
  }

  @Test
  void webhooksAreAddedWithTheirSecretShownOnceListedAndRemoved(@TempDir Path elsewhere)
      throws Exception {
    Map<String, String> env = remote(elsewhere);
    String id;
    try (CliProcess add =
        cli(elsewhere, env, "webhooks", "add", "hooked", "https://hooks.example.com/forgeflow")) {
      assertThat(add.exitCode(COMMAND)).as(add.output()).isZero();
      assertThat(add.output())
          .contains("https://hooks.example.com/forgeflow")
          .contains("secret (shown once")
          .containsPattern("(?m)^whsec_[A-Za-z0-9_-]{43}$");
      Matcher webhook = Pattern.compile("webhook (wh_[0-9a-f]{32})").matcher(add.output());
      assertThat(webhook.find()).as(add.output()).isTrue();
      id = webhook.group(1);
    }
    try (CliProcess refused =
        cli(elsewhere, env, "webhooks", "add", "hooked", "http://169.254.169.254/latest")) {
      assertThat(refused.exitCode(COMMAND)).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("loopback, private, link-local or multicast");
      assertNoStackTrace(refused.output());
    }
    try (CliProcess list = cli(elsewhere, env, "webhooks", "list", "hooked")) {
      assertThat(list.exitCode(COMMAND)).as(list.output()).isZero();
      assertThat(list.output())
          .contains(id)
          .contains("https://hooks.example.com/forgeflow")
          .contains("no deliveries yet")
          .doesNotContain("whsec_");
    }
    try (CliProcess rm = cli(elsewhere, env, "webhooks", "rm", "hooked", id)) {
      assertThat(rm.exitCode(COMMAND)).as(rm.output()).isZero();
      assertThat(rm.output()).contains("removed " + id);
    }
    try (CliProcess list = cli(elsewhere, env, "webhooks", "list", "hooked")) {
      assertThat(list.exitCode(COMMAND)).as(list.output()).isZero();
      assertThat(list.output()).contains("no webhooks");
    }
  }

  @Test
  void withAServerTheSandboxCommandsAskItsApiNotThisMachinesDocker(@TempDir Path elsewhere)
      throws Exception {
    Map<String, String> env = remote(elsewhere);
    // a Docker daemon that is not there: the commands must not need one
    env.put("DOCKER_HOST", "unix://" + elsewhere.resolve("no-docker.sock"));
    try (CliProcess list = cli(elsewhere, env, "deployments")) {
      assertThat(list.exitCode(COMMAND)).as(list.output()).isZero();
      assertThat(list.output()).contains("no deployments").doesNotContain("Docker");
    }
    try (CliProcess logs = cli(elsewhere, env, "logs", "library")) {
      assertThat(logs.exitCode(COMMAND)).as(logs.output()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(logs.output())
          .contains("no deployment of project library")
          .contains("'forgeflow deployments' lists yours")
          .doesNotContain("Docker");
      assertNoStackTrace(logs.output());
    }
    try (CliProcess stop = cli(elsewhere, env, "stop", "library")) {
      assertThat(stop.exitCode(COMMAND)).as(stop.output()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(stop.output()).contains("no deployment of project library");
    }
    try (CliProcess badTail = cli(elsewhere, env, "logs", "library", "--tail", "-3")) {
      assertThat(badTail.exitCode(COMMAND)).as(badTail.output()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(badTail.output()).contains("--tail takes a number of lines from 0 to 10000");
    }
  }

  /** Signs a user up as a browser would: the CSRF cookie first, then the form with its header. */
  private static void signUp(String username, String password) throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(
        HttpRequest.newBuilder(URI.create(url + "/api/auth/csrf")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf =
        cookies.getCookieStore().get(URI.create(url)).stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .findFirst()
            .orElseThrow()
            .getValue();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/auth/sign-up"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }
}

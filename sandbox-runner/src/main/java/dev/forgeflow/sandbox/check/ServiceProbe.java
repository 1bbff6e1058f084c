package dev.forgeflow.sandbox.check;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the service with Uvicorn on the container's loopback, waits until it answers HTTP, and
 * drives its OpenAPI with the CRUD probe. Any failure points at the server log's traceback line.
 */
final class ServiceProbe {

  static final String URL = "http://127.0.0.1:8000";
  private static final String LOG = Scripts.DIR + "/server.log";
  private static final String PID = Scripts.DIR + "/server.pid";

  private final CheckContainer container;
  private final CheckLimits limits;

  ServiceProbe(CheckContainer container, CheckLimits limits) {
    this.container = container;
    this.limits = limits;
  }

  List<CheckFailure> run() {
    long lifetime = limits.lifetime().toSeconds();
    container.launch(
        "sh",
        "-c",
        "echo $$ > "
            + PID
            + "; exec timeout -s KILL "
            + lifetime
            + " python3 -m uvicorn app.main:app --host 127.0.0.1 --port 8000 > "
            + LOG
            + " 2>&1");
    long startUp = limits.startUp().toSeconds();
    ExecResult ready =
        container.run(
            limits.startUp().plusSeconds(5),
            "python3",
            Scripts.WAIT_READY,
            PID,
            Long.toString(startUp),
            URL + "/openapi.json");
    if (!ready.succeeded()) {
      return List.of(notStarted(ready, serverLog(), startUp));
    }
    ExecResult probe = container.run(limits.probe(), "python3", Scripts.PROBE, "--url", URL);
    ServerLog log = serverLog();
    if (probe.timedOut()) {
      return List.of(
          new CheckFailure(
              "probe", null, 0, CheckRun.stepFailed("the OpenAPI probe", probe, limits.probe())));
    }
    List<CheckFailure> failures = new ArrayList<>(ProbeReport.failures(probe.stdout(), log));
    if (failures.isEmpty() && log.hasTraceback()) {
      SourceLine at = log.lastTraceback().orElse(new SourceLine(null, 0));
      failures.add(
          new CheckFailure(
              "serve",
              at.file(),
              at.line(),
              "the service logged a traceback: " + Tracebacks.lastLine(log.text())));
    }
    return failures;
  }

  private CheckFailure notStarted(ExecResult ready, ServerLog log, long startUp) {
    SourceLine at = log.lastTraceback().orElse(new SourceLine(null, 0));
    String message =
        ready.stdout().contains("exited")
            ? "the service exited at start-up: " + Tracebacks.lastLine(log.text())
            : "the service did not answer HTTP within " + startUp + "s";
    return new CheckFailure("start", at.file(), at.line(), message);
  }

  private ServerLog serverLog() {
    return new ServerLog(
        container.run(Duration.ofSeconds(10), "tail", "-c", "262144", LOG).stdout());
  }
}

package dev.forgeflow.sandbox.check;

import dev.forgeflow.sandbox.ServiceCommand;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the service as the main process of its own container, with no network, and drives its
 * OpenAPI from a second container that shares only the service's loopback and holds no generated
 * code: first the CRUD probe, then the attack stage, a hostile client bounded in requests and time.
 * The service's answers are all they trust: it cannot write their files or their reports, and if
 * its main process dies, everything it started dies with it. Any failure points at the server log's
 * traceback line.
 */
final class ServiceProbe {

  static final String URL = "http://127.0.0.1:" + ServiceCommand.PORT;
  static final String[] SERVICE = ServiceCommand.listeningOn("127.0.0.1").toArray(String[]::new);
  private static final Duration ATTEMPT = Duration.ofSeconds(2);

  private final CheckStep step;
  private final ProbeScripts scripts;
  private final boolean authRequired;
  private final RouteIndex routes;
  private final CheckLimits limits;
  private final List<String> summary = new ArrayList<>();
  private long attackMillis;

  ServiceProbe(CheckStep step, ProbeScripts scripts, boolean authRequired, RouteIndex routes) {
    this.step = step;
    this.scripts = scripts;
    this.authRequired = authRequired;
    this.routes = routes;
    this.limits = step.limits();
  }

  /** What the probe and the attack measured: their times and the attack's requests. */
  List<String> summary() {
    return summary;
  }

  /** The attack stage's wall time, 0 when it did not run. */
  long attackMillis() {
    return attackMillis;
  }

  List<CheckFailure> run() {
    try (CheckContainer service =
        CheckContainer.start(
            step.docker(),
            step.image(),
            step.labels(),
            limits,
            CheckContainer.NO_NETWORK,
            SERVICE)) {
      return probe(service);
    }
  }

  private List<CheckFailure> probe(CheckContainer service) {
    CheckContainer prober;
    try {
      prober =
          CheckContainer.startBeside(
              service,
              step.harnessImage(),
              step.labels(),
              limits,
              "sleep",
              Long.toString(limits.lifetime().toSeconds()));
    } catch (RuntimeException serviceGone) {
      if (service.running()) {
        throw serviceGone;
      }
      return List.of(notStarted(service, true));
    }
    try (prober) {
      ProbeScript.install(prober, scripts);
      Optional<CheckFailure> notReady = awaitReady(service, prober);
      if (notReady.isPresent()) {
        return List.of(notReady.get());
      }
      long probeStarted = System.nanoTime();
      ExecResult probe =
          prober.run(limits.probe(), "python3", "-I", ProbeScript.CRUD_PROBE, "--url", URL);
      summary.add("probe " + millisSince(probeStarted) + " ms");
      if (probe.timedOut()) {
        return List.of(
            new CheckFailure(
                "probe", null, 0, CheckRun.stepFailed("the OpenAPI probe", probe, limits.probe())));
      }
      List<CheckFailure> failures =
          new ArrayList<>(ProbeReport.failures(probe.stdout(), serverLog(service)));
      if (service.running()) {
        failures.addAll(attack(service, prober));
      }
      ServerLog log = serverLog(service);
      if (!service.running()) {
        failures.add(
            new CheckFailure(
                "serve",
                log.lastTraceback().map(SourceLine::file).orElse(null),
                log.lastTraceback().map(SourceLine::line).orElse(0),
                "the service's main process exited while it was being probed (exit code "
                    + service.exitCode().orElse(-1)
                    + ")"));
      }
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
  }

  /** The attack stage, from the probe's container, located by the service's log. */
  private List<CheckFailure> attack(CheckContainer service, CheckContainer prober) {
    AttackStep.Result attack =
        AttackStep.run(
            prober, URL, limits.attack(), authRequired, () -> serverLog(service), routes);
    attackMillis = attack.millis();
    AttackReport report = attack.report();
    summary.add(
        "attack "
            + attack.millis()
            + " ms, "
            + report.requests()
            + " requests to "
            + report.endpoints()
            + " endpoints, "
            + report.failures().size()
            + " finding(s)");
    return report.failures();
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Waits until the service answers HTTP; a failure when it exits or the time runs out first. */
  private Optional<CheckFailure> awaitReady(CheckContainer service, CheckContainer prober) {
    long deadline = System.nanoTime() + limits.startUp().toNanos();
    while (true) {
      if (!service.running()) {
        return Optional.of(notStarted(service, true));
      }
      ExecResult ready =
          prober.run(
              ATTEMPT.plusSeconds(3),
              "python3",
              "-I",
              CheckRun.HARNESS + "/wait_ready.py",
              Long.toString(ATTEMPT.toSeconds()),
              URL + "/openapi.json");
      if (ready.succeeded()) {
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        return Optional.of(notStarted(service, !service.running()));
      }
    }
  }

  private CheckFailure notStarted(CheckContainer service, boolean exited) {
    ServerLog log = serverLog(service);
    SourceLine at = log.lastTraceback().orElse(new SourceLine(null, 0));
    String message =
        exited
            ? "the service exited at start-up: " + Tracebacks.lastLine(log.text())
            : "the service did not answer HTTP within " + limits.startUp().toSeconds() + "s";
    return new CheckFailure("start", at.file(), at.line(), message);
  }

  private static ServerLog serverLog(CheckContainer service) {
    String text = service.interleavedLog();
    int keep = 262_144;
    return new ServerLog(text.length() > keep ? text.substring(text.length() - keep) : text);
  }
}

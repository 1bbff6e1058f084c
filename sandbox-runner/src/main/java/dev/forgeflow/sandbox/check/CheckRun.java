package dev.forgeflow.sandbox.check;

import dev.forgeflow.sandbox.DockerSpans;
import dev.forgeflow.sandbox.image.HarnessImage;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.opentelemetry.api.common.Attributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one bundle, in order: byte-compile, import, pytest, then start the service, probe
 * it and attack it from outside its container. Every step runs in a fresh container of the project
 * image, its interpreter in isolated mode (no user site, no environment, no project directory on
 * the path but the one the step adds), so nothing one step's code does can hook the next. A failed
 * compile or import stops there: nothing later could run.
 */
final class CheckRun {

  static final String HARNESS = HarnessImage.DIR;

  private static final String IMPORT_APP =
      "import sys; sys.path.insert(0, '/app'); import app.main";

  private final CheckStep step;
  private final ProbeScripts scripts;
  private final boolean authRequired;
  private final RouteIndex routes;
  private final CheckLimits limits;
  private final List<CheckFailure> failures = new ArrayList<>();
  private final List<String> summary = new ArrayList<>();
  private PytestReport tests = new PytestReport(0, 0, List.of());

  CheckRun(CheckStep step, ProbeScripts scripts, boolean authRequired, RouteIndex routes) {
    this.step = step;
    this.scripts = scripts;
    this.authRequired = authRequired;
    this.routes = routes;
    this.limits = step.limits();
  }

  TestReport report(String image) {
    long started = System.nanoTime();
    if (compile() && importApp()) {
      pytest();
      ServiceProbe service = new ServiceProbe(step, scripts, authRequired, routes);
      List<CheckFailure> probed =
          step.spans()
              .in(
                  "run_check",
                  Attributes.of(DockerSpans.IMAGE, image, DockerSpans.STEP, "service"),
                  service::run);
      failures.addAll(probed);
      summary.add(
          probed.isEmpty()
              ? "service, probe and attack ok"
              : probed.size() + " service check(s) failed");
      long millis = (System.nanoTime() - started) / 1_000_000;
      summary.add("functional checks " + (millis - service.attackMillis()) + " ms");
      summary.addAll(service.summary());
    }
    return new TestReport(
        failures.isEmpty(),
        image,
        tests.testsRun(),
        tests.testsFailed(),
        failures,
        String.join("; ", summary));
  }

  private boolean compile() {
    ExecResult result =
        step.run(limits.compile(), "python3", "-I", HARNESS + "/compile_all.py", "/app");
    if (!result.succeeded()) {
      String message = stepFailed("compiling", result, limits.compile());
      return fail("compile", new CheckFailure("compile", null, 0, message));
    }
    CompileReport report = CompileReport.parse(result.stdout());
    failures.addAll(report.failures());
    boolean compiled = report.failures().isEmpty();
    summary.add(compiled ? "compiled " + report.files() + " files" : "compile failed");
    return compiled;
  }

  private boolean importApp() {
    ExecResult result = step.run(limits.importApp(), "python3", "-I", "-c", IMPORT_APP);
    if (result.succeeded()) {
      summary.add("app.main imported");
      return true;
    }
    SourceLine at = Tracebacks.lastProjectFrame(result.stderr()).orElse(new SourceLine(null, 0));
    String message =
        result.timedOut()
            ? stepFailed("importing app.main", result, limits.importApp())
            : Tracebacks.lastLine(result.output());
    return fail("import", new CheckFailure("import", at.file(), at.line(), message));
  }

  private void pytest() {
    long seconds = limits.pytest().toSeconds();
    ExecResult result =
        step.run(
            limits.pytest().plusSeconds(10),
            "python3",
            "-I",
            HARNESS + "/run_pytest.py",
            Long.toString(seconds),
            "/app");
    if (result.timedOut()) {
      String message = stepFailed("the test suite", result, limits.pytest());
      fail("pytest", new CheckFailure("pytest", null, 0, message));
      return;
    }
    tests = PytestRun.judge(result);
    failures.addAll(tests.failures());
    int passed = tests.testsRun() - tests.testsFailed();
    summary.add("pytest " + passed + "/" + tests.testsRun() + " passed");
  }

  private boolean fail(String step, CheckFailure failure) {
    failures.add(failure);
    summary.add(step + " failed");
    return false;
  }

  static String stepFailed(String what, ExecResult result, Duration bound) {
    return result.timedOut()
        ? what + " was killed: it ran past " + bound.toSeconds() + "s or past the memory limit"
        : what
            + " failed with exit code "
            + result.exitCode()
            + ": "
            + Tracebacks.lastLine(result.output());
  }
}

package dev.forgeflow.sandbox.check;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one bundle in its container, in order: byte-compile, import, pytest, then start the
 * service and probe it. A failed compile or import stops there: nothing later could run.
 */
final class CheckRun {

  private static final String JUNIT_XML = Scripts.DIR + "/junit.xml";
  private static final String[] PYTEST = {
    "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=" + JUNIT_XML
  };

  private final CheckContainer container;
  private final CheckLimits limits;
  private final List<CheckFailure> failures = new ArrayList<>();
  private final List<String> summary = new ArrayList<>();
  private PytestReport tests = new PytestReport(0, 0, List.of());

  CheckRun(CheckContainer container, CheckLimits limits) {
    this.container = container;
    this.limits = limits;
  }

  TestReport report(String image) {
    if (compile() && importApp()) {
      pytest();
      List<CheckFailure> probed = new ServiceProbe(container, limits).run();
      failures.addAll(probed);
      summary.add(
          probed.isEmpty() ? "service and probe ok" : probed.size() + " service check(s) failed");
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
    ExecResult result = container.run(limits.compile(), "python3", Scripts.COMPILE, "/app");
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
    ExecResult result = container.run(limits.importApp(), "python3", "-c", "import app.main");
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
    ExecResult result = container.run(limits.pytest(), PYTEST);
    if (result.timedOut()) {
      String message = stepFailed("the test suite", result, limits.pytest());
      fail("pytest", new CheckFailure("pytest", null, 0, message));
      return;
    }
    try {
      tests = PytestReport.parse(container.run(Duration.ofSeconds(10), "cat", JUNIT_XML).stdout());
    } catch (IllegalArgumentException unreadable) {
      tests = PytestReport.unreadable(result.output());
    }
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

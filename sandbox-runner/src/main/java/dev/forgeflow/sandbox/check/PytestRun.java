package dev.forgeflow.sandbox.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a pytest run from the harness's report ({@code run_pytest.py}): pytest's exit code as its
 * parent saw it, the outcomes streamed while the tests ran, and the JUnit XML read afterwards. The
 * three must agree; when they do not, the suite tampered with its own report and the round fails.
 */
final class PytestRun {

  static final String MARKER = "@@forgeflow-pytest@@ ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PytestRun() {}

  /** The report of a harness run's stdout. */
  static PytestReport judge(ExecResult harness) {
    JsonNode report = report(harness.stdout());
    if (report == null) {
      return failed("the test harness left no report: " + Tracebacks.lastLine(harness.output()));
    }
    String output = report.path("output").asText("");
    if (report.path("timedOut").asBoolean(false)) {
      return failed("the test suite was killed: it ran past its time");
    }
    int exit = report.path("exit").asInt(-1);
    Outcomes streamed = Outcomes.parse(report.path("outcomes").asText(""));
    PytestReport junit;
    try {
      junit = PytestReport.parse(report.path("junit").asText(""));
    } catch (IllegalArgumentException unreadable) {
      junit = null;
    }
    return switch (exit) {
      case 0, 1 -> agreed(exit, streamed, junit, output);
      case 5 -> failed("pytest collected no tests");
      default ->
          junit == null
              ? PytestReport.unreadable(output)
              : failed(
                  "pytest stopped with exit code " + exit + ": " + Tracebacks.lastLine(output));
    };
  }

  private static PytestReport agreed(
      int exit, Outcomes streamed, PytestReport junit, String output) {
    if (junit == null) {
      return exit == 0
          ? failed("pytest passed but left no readable report")
          : PytestReport.unreadable(output);
    }
    boolean exitSaysPassed = exit == 0;
    boolean consistent =
        streamed.tests() == junit.testsRun()
            && streamed.failed() == junit.testsFailed()
            && exitSaysPassed == (streamed.failed() == 0);
    if (consistent) {
      return junit;
    }
    return new PytestReport(
        Math.max(streamed.tests(), junit.testsRun()),
        Math.max(1, Math.max(streamed.failed(), junit.testsFailed())),
        List.of(
            new CheckFailure(
                "pytest",
                null,
                0,
                "the test report cannot be trusted: pytest exited "
                    + exit
                    + ", its outcomes as they ran were "
                    + streamed
                    + ", its JUnit report says "
                    + junit.testsRun()
                    + " tests, "
                    + junit.testsFailed()
                    + " failed")));
  }

  private static PytestReport failed(String message) {
    return new PytestReport(0, 0, List.of(new CheckFailure("pytest", null, 0, message)));
  }

  private static JsonNode report(String stdout) {
    int at = stdout.lastIndexOf(MARKER);
    if (at < 0) {
      return null;
    }
    String line = stdout.substring(at + MARKER.length()).lines().findFirst().orElse("");
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }

  /** Tests seen while the suite ran: a test failed if any of its phases failed. */
  record Outcomes(int tests, int failed) {

    static Outcomes parse(String lines) {
      Map<String, Boolean> failedByTest = new HashMap<>();
      lines
          .lines()
          .forEach(
              line -> {
                String[] parts = line.split(" ", 3);
                if (parts.length == 3) {
                  boolean failed = parts[1].equals("failed");
                  failedByTest.merge(parts[2], failed, Boolean::logicalOr);
                }
              });
      int failed = (int) failedByTest.values().stream().filter(f -> f).count();
      return new Outcomes(failedByTest.size(), failed);
    }

    @Override
    public String toString() {
      return tests + " tests, " + failed + " failed";
    }
  }
}

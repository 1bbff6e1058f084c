package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PytestRunTest {

  private static final String TWO_PASSED =
      "<testsuites><testsuite><testcase classname=\"tests.t\" name=\"a\"/>"
          + "<testcase classname=\"tests.t\" name=\"b\"/></testsuite></testsuites>";
  private static final String ONE_FAILED =
      "<testsuites><testsuite><testcase classname=\"tests.t\" name=\"a\"/>"
          + "<testcase classname=\"tests.t\" name=\"b\"><failure message=\"boom\">"
          + "tests/t.py:3: AssertionError</failure></testcase></testsuite></testsuites>";
  private static final String STREAM_PASSED =
      "setup passed tests/t.py::a\ncall passed tests/t.py::a\nteardown passed tests/t.py::a\n"
          + "setup passed tests/t.py::b\ncall passed tests/t.py::b\nteardown passed tests/t.py::b\n";
  private static final String STREAM_ONE_FAILED =
      "setup passed tests/t.py::a\ncall passed tests/t.py::a\n"
          + "setup passed tests/t.py::b\ncall failed tests/t.py::b\nteardown passed tests/t.py::b\n";

  private static ExecResult harness(int exit, String outcomes, String junit) {
    ObjectNode report = new ObjectMapper().createObjectNode();
    report.put("exit", exit).put("timedOut", false).put("outcomes", outcomes).put("junit", junit);
    report.put("output", "");
    return new ExecResult(0, "noise\n" + PytestRun.MARKER + report + "\n", "", false);
  }

  @Test
  void aPassingRunWhoseThreeWitnessesAgreeIsBelieved() {
    PytestReport report = PytestRun.judge(harness(0, STREAM_PASSED, TWO_PASSED));

    assertThat(report.testsRun()).isEqualTo(2);
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void aFailingRunKeepsItsFailuresAndTheirLines() {
    PytestReport report = PytestRun.judge(harness(1, STREAM_ONE_FAILED, ONE_FAILED));

    assertThat(report.testsFailed()).isEqualTo(1);
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(3));
  }

  @Test
  void aReportRewrittenAfterTheTestsRanIsNotBelieved() {
    PytestReport report = PytestRun.judge(harness(0, STREAM_ONE_FAILED, TWO_PASSED));

    assertThat(report.testsFailed()).isEqualTo(1);
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("cannot be trusted"));
  }

  @Test
  void anExitCodeThatDeniesTheFailuresIsNotBelieved() {
    PytestReport report = PytestRun.judge(harness(0, STREAM_ONE_FAILED, ONE_FAILED));

    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("pytest exited 0"));
  }

  @Test
  void noReportOrNoTestsIsAFailure() {
    assertThat(PytestRun.judge(new ExecResult(0, "1 passed\n", "", false)).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("left no report"));
    assertThat(PytestRun.judge(harness(5, "", "")).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("collected no tests"));
    assertThat(PytestRun.judge(harness(0, "", "")).failures()).isNotEmpty();
  }
}

package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import org.junit.jupiter.api.Test;

class PytestReportTest {

  @Test
  void countsTestsAndMapsEachFailureToItsDeepestProjectLine() {
    String xml =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites><testsuite name="pytest" errors="1" failures="1" skipped="0" tests="3">
        <testcase classname="tests.test_notes" name="test_ok" time="0.01"/>
        <testcase classname="tests.test_notes" name="test_create" time="0.01">
        <failure message="assert 500 == 201">tests/test_notes.py:3: in test_create
            assert created.status_code == 201
        E   assert 500 == 201
        tests/test_notes.py:3: AssertionError</failure></testcase>
        <testcase classname="tests.test_notes" name="test_read" time="0.01">
        <error message="failed on setup">app/database.py:9: in get_session
        E   RuntimeError: no database</error></testcase>
        </testsuite></testsuites>
        """;

    PytestReport report = PytestReport.parse(xml);

    assertThat(report.testsRun()).isEqualTo(3);
    assertThat(report.testsFailed()).isEqualTo(2);
    assertThat(report.failures())
        .containsExactly(
            new CheckFailure(
                "pytest",
                "tests/test_notes.py",
                3,
                "tests.test_notes::test_create: assert 500 == 201"),
            new CheckFailure(
                "pytest", "app/database.py", 9, "tests.test_notes::test_read: failed on setup"));
  }

  @Test
  void somethingElseThanJunitXmlIsRefused() {
    assertThatThrownBy(() -> PytestReport.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDoctypeIsNotFollowed() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>";

    assertThatThrownBy(() -> PytestReport.parse(xml)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSuiteWithoutTestsFails() {
    PytestReport report =
        PytestReport.parse("<testsuites><testsuite name=\"pytest\" tests=\"0\"/></testsuites>");

    assertThat(report.testsRun()).isZero();
    assertThat(report.failures())
        .containsExactly(new CheckFailure("pytest", null, 0, "pytest collected no tests"));
  }

  @Test
  void aSuiteThatLeftNoReportFailsAtTheLineItsOutputNames() {
    String output =
        "tests/conftest.py:4: in <module>\nE   ModuleNotFoundError: No module named 'x'";

    assertThat(PytestReport.unreadable(output).failures())
        .containsExactly(
            new CheckFailure(
                "pytest", "tests/conftest.py", 4, "E   ModuleNotFoundError: No module named 'x'"));
  }
}

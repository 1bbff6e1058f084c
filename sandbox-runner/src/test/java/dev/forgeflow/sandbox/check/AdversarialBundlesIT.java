package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bundles written to cheat the checks. Each has a real defect (a failing test, a wrong status, a
 * dying service) and a trick that would hide it from a harness sharing its container, its
 * interpreter or its files; each must still end as a failing report that names the defect.
 */
class AdversarialBundlesIT {

  private final CheckFixture sandbox = new CheckFixture();

  @AfterEach
  void removeImages() {
    sandbox.close();
  }

  @Test
  void aBundleThatRewritesTheHarnessAtImportStillFails() {
    SortedMap<String, String> files = withWrongStatus();
    files.put("app/__init__.py", resource("rewrite_harness.py"));
    files.put("tests/test_defect.py", resource("test_defect.py"));

    TestReport report = check(files);

    assertThat(checks(report)).contains("pytest", "notes.read unknown");
    assertThat(report.failures()).anyMatch(f -> f.message().contains("test_defect"));
  }

  @Test
  void hooksPlantedForLaterInterpretersHookNothing() {
    SortedMap<String, String> files = withWrongStatus();
    files.put("app/__init__.py", resource("plant_hooks.py"));
    files.put("sitecustomize.py", "import app\n");
    files.put("usercustomize.py", "import app\n");
    files.put("tests/test_defect.py", resource("test_defect.py"));

    TestReport report = check(files);

    assertThat(checks(report)).contains("pytest", "notes.read unknown");
    assertThat(report.failures()).anyMatch(f -> f.message().contains("test_defect"));
    assertThat(report.testsRun()).isEqualTo(4);
    assertThat(report.testsFailed()).isEqualTo(3);
  }

  @Test
  void aConftestThatRewritesTheReportOnExitIsNotBelieved() {
    SortedMap<String, String> files = SampleProjects.good();
    files.merge("tests/conftest.py", resource("conftest_exit_hook.py"), String::concat);
    files.put("tests/test_defect.py", resource("test_defect.py"));

    TestReport report = check(files);

    assertThat(report.failures())
        .filteredOn(f -> f.check().equals("pytest"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("cannot be trusted")
                    .contains("pytest exited 0")
                    .contains("4 tests, 1 failed"));
  }

  @Test
  void aBundleShippingItsOwnPytestIsTestedByTheImagesPytest() {
    SortedMap<String, String> files = SampleProjects.good();
    files.put("pytest.py", resource("fake_pytest.py"));
    files.put("tests/test_defect.py", resource("test_defect.py"));

    TestReport report = check(files);

    assertThat(report.testsRun()).isEqualTo(4);
    assertThat(report.testsFailed()).isEqualTo(1);
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("test_defect"));
  }

  @Test
  void aServiceThatBehavesOnlyForRecognisedCheckersFailsTheProbe() {
    SortedMap<String, String> files = SampleProjects.good();
    files.merge("app/main.py", resource("recognise_probe.py"), String::concat);

    TestReport report = check(files);

    assertThat(report.summary()).contains("pytest 3/3 passed");
    assertThat(report.failures())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.check()).matches("(notes\\.|attack).*"))
        .anySatisfy(
            f -> assertThat(f.check() + ": " + f.message()).startsWith("notes.").contains("503"));
  }

  @Test
  void aResponderForkedByADyingServiceDiesWithIt() {
    SortedMap<String, String> files = SampleProjects.good();
    files.merge("app/main.py", resource("fork_responder.py"), String::concat);

    TestReport report = check(files);

    assertThat(report.summary()).contains("pytest 3/3 passed");
    assertThat(report.failures())
        .isNotEmpty()
        .anySatisfy(
            f ->
                assertThat(f.message()).containsAnyOf("exited at start-up", "main process exited"));
  }

  private static SortedMap<String, String> withWrongStatus() {
    return SampleProjects.withChange("app/routers/notes.py", "status_code=404", "status_code=400");
  }

  private TestReport check(SortedMap<String, String> files) {
    TestReport report = sandbox.check(files, false);
    assertThat(report.passed()).isFalse();
    return report;
  }

  private static List<String> checks(TestReport report) {
    return report.failures().stream().map(CheckFailure::check).toList();
  }

  private static String resource(String name) {
    return CheckFixture.resource("adversarial", name);
  }
}

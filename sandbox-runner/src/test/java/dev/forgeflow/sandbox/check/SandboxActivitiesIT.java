package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxActivitiesIT {

  static final CheckLimits LIMITS =
      new CheckLimits(
          Duration.ofSeconds(30),
          Duration.ofSeconds(15),
          Duration.ofSeconds(60),
          Duration.ofSeconds(8),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60),
          512L * 1024 * 1024,
          128,
          1_000_000_000L);

  private final DockerClient docker = SandboxEngine.docker();
  private final Stores stores = InMemoryStores.create();
  private final SandboxActivitiesImpl activities =
      new SandboxActivitiesImpl(
          docker,
          SandboxEngine.instance(),
          stores.bundles(),
          stores.journal(),
          SandboxEngine.baseImage(),
          probe(),
          LIMITS);
  private final List<String> runs = new ArrayList<>();

  @AfterEach
  void removeImages() {
    runs.forEach(runId -> SandboxEngine.removeImagesOf(docker, runId));
  }

  @Test
  void aGoodBundlePassesEveryCheckAndIsJournalled() {
    long started = System.nanoTime();
    StoredBundle bundle = store(SampleProjects.good());

    TestReport report = activities.check(new CheckInput(bundle.runId(), bundle.bundleId(), 2));

    System.out.printf(
        "check of a good bundle took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.testsRun()).isEqualTo(3);
    assertThat(report.testsFailed()).isZero();
    assertThat(report.summary())
        .contains("pytest 3/3 passed")
        .contains("service, probe and attack ok");
    JournalEvent event = stores.journal().readAfter(bundle.runId(), 0, 10).get(0);
    assertThat(event.type()).isEqualTo("test.report");
    assertThat(event.payloadJson())
        .contains("\"round\":2")
        .contains("\"passed\":true")
        .contains("\"testsRun\":3");
    assertNoContainerLeft(bundle);
  }

  @Test
  void aSyntaxErrorFailsTheCompileCheckAtItsLine() {
    TestReport report =
        check(SampleProjects.withChange("app/routers/notes.py", "-> list[Note]:", "-> list[Note]"));

    assertThat(report.passed()).isFalse();
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> assertThat(where(failure)).isEqualTo("compile app/routers/notes.py:21"));
  }

  @Test
  void anImportErrorFailsTheImportCheckAtTheImportingLine() {
    TestReport report =
        check(
            SampleProjects.withChange(
                "app/routers/notes.py", "NoteUpdate\n", "NoteUpdate, NoteRemoved\n"));

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(where(failure)).isEqualTo("import app/routers/notes.py:6");
              assertThat(failure.message()).contains("ImportError").contains("NoteRemoved");
            });
  }

  @Test
  void aServerErrorOnCreateFailsTheProbeAtTheRaisingLine() {
    TestReport report =
        check(
            SampleProjects.withChange(
                "app/routers/notes.py", "session.add(stored)", "session.add(stored.owner)"));

    assertThat(report.failures())
        .extracting(SandboxActivitiesIT::where)
        .contains("notes.create app/routers/notes.py:14", "pytest app/routers/notes.py:14");
    assertThat(report.testsFailed()).isEqualTo(2);
  }

  @Test
  void aWrongStatusCodeFailsTheProbeAndTheTest() {
    TestReport report =
        check(
            SampleProjects.withChange(
                "app/routers/notes.py", "status_code=404", "status_code=400"));

    assertThat(report.failures())
        .extracting(SandboxActivitiesIT::where)
        .contains("notes.read unknown null:0", "pytest tests/test_notes.py:16");
    assertThat(report.failures())
        .filteredOn(f -> f.check().equals("notes.read unknown"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("answered 400"));
  }

  @Test
  void aServiceThatFailsAtStartUpFailsTheStartCheckAtItsLine() {
    TestReport report =
        check(
            SampleProjects.withChange(
                "app/main.py",
                "database.init_db()",
                "raise RuntimeError(\"database unavailable\")"));

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(where(failure)).isEqualTo("start app/main.py:12");
              assertThat(failure.message()).contains("exited at start-up");
            });
  }

  @Test
  void aServiceThatHangsAtStartUpFailsWithinItsBound() {
    long started = System.nanoTime();
    TestReport report =
        check(
            SampleProjects.withChange(
                "app/main.py", "database.init_db()", "__import__(\"time\").sleep(3600)"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.check()).isEqualTo("start");
              assertThat(failure.message()).contains("did not answer HTTP within 8s");
            });
  }

  @Test
  void aServiceThatPrintsTracebacksInALoopFailsWithinItsBound() {
    long started = System.nanoTime();
    TestReport report =
        check(
            SampleProjects.withChange(
                "app/main.py",
                "    database.init_db()\n",
                "    while True:\n        try:\n            database.missing()\n"
                    + "        except AttributeError:\n            __import__(\"traceback\").print_exc()\n"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.check()).isEqualTo("start");
              assertThat(failure.file()).isEqualTo("app/main.py");
            });
  }

  private TestReport check(Map<String, String> files) {
    StoredBundle bundle = store(files);
    TestReport report = activities.check(new CheckInput(bundle.runId(), bundle.bundleId(), 1));
    assertThat(report.passed()).isFalse();
    assertNoContainerLeft(bundle);
    return report;
  }

  private StoredBundle store(Map<String, String> files) {
    StoredBundle bundle = SampleProjects.store(stores, files);
    runs.add(bundle.runId());
    return bundle;
  }

  private void assertNoContainerLeft(StoredBundle bundle) {
    assertThat(SandboxEngine.containersOf(docker, bundle.runId())).isEmpty();
  }

  private static String where(CheckFailure failure) {
    return failure.check() + " " + failure.file() + ":" + failure.line();
  }

  static ProbeScripts probe() {
    return ProbeScripts.fromDirectory(Path.of("../agents/src/main/resources/probes"));
  }
}

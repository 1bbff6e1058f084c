package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import org.junit.jupiter.api.Test;

class ProbeReportTest {

  @Test
  void eachFailedCheckBecomesAFailureAtTheLineItsRequestRaisedOn() {
    String report =
        """
        {"passed": 1, "failed": 2, "checks": [
          {"resource": "notes", "check": "create", "ok": false,
           "detail": "POST /notes answered 500: Internal Server Error"},
          {"resource": "notes", "check": "read unknown", "ok": false,
           "detail": "GET /notes/987654321 answered 200, expected (404,): {}"},
          {"resource": "notes", "check": "list", "ok": true, "detail": "1 listed"}]}
        """;

    assertThat(ProbeReport.failures(report, new ServerLog(ServerLogTest.LOG)))
        .containsExactly(
            new CheckFailure(
                "notes.create",
                "app/routers/notes.py",
                14,
                "POST /notes answered 500: Internal Server Error"),
            new CheckFailure(
                "notes.read unknown",
                null,
                0,
                "GET /notes/987654321 answered 200, expected (404,): {}"));
  }

  @Test
  void aReportWithNoCheckAtAllFails() {
    assertThat(
            ProbeReport.failures(
                "{\"passed\": 0, \"failed\": 0, \"checks\": []}", new ServerLog("")))
        .extracting(CheckFailure::check)
        .containsExactly("probe");
  }

  @Test
  void anUnreadableReportFails() {
    assertThat(ProbeReport.failures("Killed", new ServerLog("")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("unreadable probe report"));
  }

  @Test
  void aPassingReportHasNoFailures() {
    String report =
        "{\"passed\": 1, \"failed\": 0, \"checks\": [{\"resource\": \"notes\", \"check\": \"create\", \"ok\": true, \"detail\": \"\"}]}";

    assertThat(ProbeReport.failures(report, new ServerLog(""))).isEmpty();
  }
}

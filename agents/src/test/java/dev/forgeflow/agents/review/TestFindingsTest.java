package dev.forgeflow.agents.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestFindingsTest {

  @Test
  void failedChecksBecomeBlockingIssuesAtTheirFileAndLine() {
    TestReport report =
        new TestReport(
            false,
            "img",
            5,
            1,
            List.of(new CheckFailure("books.create", "app/routers/books.py", 42, "500 on create")),
            "1 failed");

    assertThat(TestFindings.of(report))
        .containsExactly(
            new ReviewIssue(
                Severity.BLOCKER,
                "app/routers/books.py",
                42,
                "test.books.create",
                "500 on create"));
  }

  @Test
  void aFailedReportWithoutDetailsStillBlocks() {
    TestReport report = new TestReport(false, "img", 0, 0, List.of(), "the image did not build");

    assertThat(TestFindings.of(report))
        .singleElement()
        .satisfies(issue -> assertThat(issue.severity().blocks()).isTrue());
  }

  @Test
  void passedOrMissingReportsAddNothing() {
    assertThat(TestFindings.of(null)).isEmpty();
    assertThat(TestFindings.of(new TestReport(true, "img", 3, 0, List.of(), "3 passed"))).isEmpty();
  }
}

package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.architecture;
import static dev.forgeflow.agents.validate.SampleProject.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilePlanRuleTest {

  private static List<ReviewIssue> validate(Map<String, String> files, List<PlannedFile> plan) {
    return new BundleValidators()
        .validate(
            files,
            SampleProject.architecture(plan, architecture().dataModel()),
            RuntimeProfile.bundled());
  }

  @Test
  void aPlannedFileMissingFromTheBundleIsABlocker() {
    List<PlannedFile> plan = new ArrayList<>(architecture().filePlan());
    plan.add(new PlannedFile("app/routers/authors.py", "author endpoints", "router"));

    List<ReviewIssue> issues = validate(files(), plan);

    assertThat(issues)
        .extracting(ReviewIssue::severity, ReviewIssue::file, ReviewIssue::line, ReviewIssue::rule)
        .containsExactly(tuple(Severity.BLOCKER, "app/routers/authors.py", 0, "plan.file-missing"));
    assertThat(issues.get(0).message()).contains("author endpoints");
  }

  @Test
  void plannedAndGeneratedPathsAreComparedNormalised() {
    List<PlannedFile> plan = List.of(new PlannedFile("./app//main.py", "entry point", "app"));
    Map<String, String> files = files();
    files.put("app\\main.py", files.remove("app/main.py"));

    assertThat(validate(files, plan)).isEmpty();
  }

  @Test
  void extraFilesBeyondThePlanAreFine() {
    List<PlannedFile> plan = List.of(new PlannedFile("app/main.py", "entry point", "app"));

    assertThat(validate(files(), plan)).isEmpty();
  }
}

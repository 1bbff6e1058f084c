package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.architecture;
import static dev.forgeflow.agents.validate.SampleProject.files;
import static dev.forgeflow.agents.validate.SampleProject.filesWith;
import static dev.forgeflow.agents.validate.SampleProject.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PathRuleTest {

  @Test
  void aGeneratedFileOutsideTheRootIsABlocker() {
    List<ReviewIssue> issues = issuesOf(filesWith("app/../../etc/cron.d/job", "* * * * * id\n"));

    assertThat(issues)
        .extracting(ReviewIssue::severity, ReviewIssue::file, ReviewIssue::line, ReviewIssue::rule)
        .containsExactly(
            tuple(Severity.BLOCKER, "app/../../etc/cron.d/job", 0, "path.outside-root"));
    assertThat(issues.get(0).message()).contains("escapes the project root");
  }

  @Test
  void aHostilePlannedPathIsReportedOnceAndNotAsMissing() {
    List<PlannedFile> plan = new ArrayList<>(architecture().filePlan());
    plan.add(new PlannedFile("/etc/passwd", "users", ""));

    List<ReviewIssue> issues =
        new BundleValidators()
            .validate(
                files(),
                SampleProject.architecture(plan, architecture().dataModel()),
                RuntimeProfile.bundled());

    assertThat(issues)
        .extracting(ReviewIssue::file, ReviewIssue::rule)
        .containsExactly(tuple("/etc/passwd", "path.outside-root"));
  }

  @Test
  void aPathInBothPlanAndBundleIsReportedOnce() {
    List<PlannedFile> plan = new ArrayList<>(architecture().filePlan());
    plan.add(new PlannedFile(".git/hooks/pre-commit", "hook", ""));

    List<ReviewIssue> issues =
        new BundleValidators()
            .validate(
                filesWith(".git/hooks/pre-commit", "#!/bin/sh\n"),
                SampleProject.architecture(plan, architecture().dataModel()),
                RuntimeProfile.bundled());

    assertThat(issues).extracting(ReviewIssue::file).containsExactly(".git/hooks/pre-commit");
  }

  @Test
  void controlCharactersAreNotEchoedIntoTheIssue() {
    List<ReviewIssue> issues = issuesOf(filesWith("app/\u0000x.py", ""));

    assertThat(issues).extracting(ReviewIssue::file).containsExactly("app/?x.py");
  }

  @Test
  void pathsDifferingOnlyByCaseOrNormalisationAreBlockers() {
    Map<String, String> files = new TreeMap<>(files());
    files.put("app/Models.py", "x = 1\n");
    files.put("app/caf\u00e9.py", "x = 1\n");
    files.put("app/cafe\u0301.py", "x = 2\n");

    List<ReviewIssue> issues =
        issuesOf(files).stream().filter(i -> i.rule().equals(PathRule.ID)).toList();

    assertThat(issues).hasSize(2);
    assertThat(issues)
        .extracting(ReviewIssue::message)
        .allMatch(m -> m.contains("only by case or Unicode normalisation"));
  }
}

package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.architecture;
import static dev.forgeflow.agents.validate.SampleProject.files;
import static dev.forgeflow.agents.validate.SampleProject.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleValidatorsTest {

  @Test
  void aValidProjectHasNoIssues() {
    assertThat(issuesOf(files())).isEmpty();
  }

  @Test
  void issuesComeRuleByRuleThenFileByFileWhateverTheMapOrder() {
    Map<String, String> files = new HashMap<>(files());
    files.put("app/routers/shelves.py", "from fastapi import APIRouter\nrouter = APIRouter()\n");
    files.put("app/extras.py", "import numpy\nx = (1,\n");
    files.put("app/alpha.py", "import requests\n");
    files.put("../escape.py", "");

    assertThat(issuesOf(files))
        .extracting(ReviewIssue::rule, ReviewIssue::file, ReviewIssue::line)
        .containsExactly(
            tuple("path.outside-root", "../escape.py", 0),
            tuple("import.outside-profile", "app/alpha.py", 1),
            tuple("import.outside-profile", "app/extras.py", 1),
            tuple("router.prefix", "app/routers/shelves.py", 2),
            tuple("python.syntax", "app/extras.py", 2));
  }

  @Test
  void theIssueListIsImmutable() {
    List<ReviewIssue> issues = issuesOf(files());

    assertThatThrownBy(() -> issues.add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPlannedModuleThatIsMissingIsReportedOnceNotAlsoAsAForeignImport() {
    List<PlannedFile> plan = new ArrayList<>(architecture().filePlan());
    plan.add(new PlannedFile("worker.py", "background jobs", "run()"));
    Map<String, String> files = SampleProject.filesWith("app/jobs.py", "import worker\n");

    List<ReviewIssue> issues =
        new BundleValidators()
            .validate(
                files,
                SampleProject.architecture(plan, architecture().dataModel()),
                RuntimeProfile.bundled());

    assertThat(issues)
        .extracting(ReviewIssue::rule, ReviewIssue::file, ReviewIssue::line)
        .containsExactly(tuple("plan.file-missing", "worker.py", 0));
  }
}

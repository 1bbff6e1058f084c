package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import java.util.List;

/** One deterministic check of a generated project; it reports issues and never throws. */
interface Rule {

  List<ReviewIssue> check(ProjectBundle bundle);
}

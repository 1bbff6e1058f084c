package dev.forgeflow.agents.review;

import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.agents.validate.BundleValidators;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;
import dev.forgeflow.workflows.review.ReviewInput;
import dev.forgeflow.workflows.review.ReviewResult;
import dev.forgeflow.workflows.review.ReviewerActivities;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reviews a bundle version: the drafter's review merged with the deterministic validators, stored
 * as an artifact and journalled as {@code review.report}. Approved only when nothing blocks.
 */
public final class ReviewerActivitiesImpl implements ReviewerActivities {
  private static final int ISSUES_IN_EVENT = 20;
  private final ReviewDrafter drafter;
  private final BundleValidators validators;
  private final RuntimeProfile profile;
  private final ArtifactStore artifacts;
  private final BundleStore bundles;
  private final ActivityJournal journal;

  public ReviewerActivitiesImpl(
      ReviewDrafter drafter,
      BundleValidators validators,
      RuntimeProfile profile,
      ArtifactStore artifacts,
      BundleStore bundles,
      ActivityJournal journal) {
    this.drafter = drafter;
    this.validators = validators;
    this.profile = profile;
    this.artifacts = artifacts;
    this.bundles = bundles;
    this.journal = journal;
  }

  @Override
  public ReviewResult review(ReviewInput input) {
    ReviewTask task = task(input);
    Drafted<ReviewReport> drafted = drafter.draft(task);
    List<ReviewIssue> issues = new ArrayList<>(drafted.value().issues());
    issues.addAll(validators.validate(task.files(), task.architecture(), profile));
    issues.addAll(TestFindings.of(input.tests()));
    boolean blocked = issues.stream().anyMatch(i -> i.severity().blocks());
    ReviewReport merged =
        new ReviewReport(
            drafted.value().approved() && !blocked,
            drafted.value().summary(),
            issues,
            drafted.value().patches());
    String id = artifacts.save(input.runId(), "review", Json.write(merged));
    journal.append(input.runId(), fact(input, id, merged));
    return new ReviewResult(merged, drafted.usage());
  }

  private ReviewTask task(ReviewInput input) {
    ProjectCharter charter =
        Json.read(artifacts.load(input.charterId()).json(), ProjectCharter.class);
    SystemArchitecture architecture =
        Json.read(artifacts.load(input.architectureId()).json(), SystemArchitecture.class);
    SortedMap<String, String> files = new TreeMap<>();
    bundles
        .files(input.bundleId())
        .forEach(
            (path, sha) -> files.put(path, new String(bundles.blob(sha), StandardCharsets.UTF_8)));
    return new ReviewTask(
        input.runId(),
        charter,
        architecture,
        files,
        input.round(),
        input.model(),
        input.tests(),
        RetrievedContext.load(artifacts, input.runId(), RetrievalAgent.REVIEWER).forPrompt());
  }

  private static Fact.ReviewReport fact(ReviewInput input, String id, ReviewReport report) {
    return new Fact.ReviewReport(
        id,
        input.round(),
        report.approved(),
        report.summary() == null ? "" : report.summary(),
        report.issues().size(),
        report.blockingIssues().size(),
        report.issues().stream().limit(ISSUES_IN_EVENT).toList());
  }
}

package dev.forgeflow.workflows.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.util.List;

/**
 * The catalogue of journal events: every event type a run's journal holds, one record per type. A
 * record's {@code TYPE} is the stored type name, its components are the stored payload's fields
 * (turned into JSON and back by {@link Facts}); nothing else in the code names an event type.
 *
 * <p>Events written by an activity ({@link ActivityFact}) also carry, in the payload, the {@code
 * attempt} of the activity that wrote them. Each event carries a fact key saying what it describes
 * (see {@link JournalEntry}), so a retried writer journals it once.
 */
public sealed interface Fact {

  /** The stored type name: the record's {@code TYPE}. */
  String eventType();

  /** A fact workflow code states, through the {@link JournalActivities#record} local activity. */
  sealed interface WorkflowFact extends Fact {}

  /** The end of a run, journalled once by {@link JournalActivities#finish}; always last. */
  sealed interface RunEnding extends Fact {
    /** The fact key of a run's end: a run ends once, whichever end comes first. */
    String FACT_KEY = "run.end";
  }

  /** A fact an activity states; its fact key is the activity id plus {@link #subject()}. */
  sealed interface ActivityFact extends Fact {
    /** What the fact is about within its activity, such as a file path; empty if stated once. */
    default String subject() {
      return "";
    }

    /**
     * True for facts each attempt states anew (a failed try, streaming progress); false for facts a
     * retry restates (a stored file, a report), which the journal keeps once.
     */
    default boolean perAttempt() {
      return false;
    }
  }

  /**
   * {@code run.started}: the workflow began the run.
   *
   * @param approvalGate whether the plan waits for approval
   * @param maxReviewRounds the most review rounds the run may take
   */
  record RunStarted(boolean approvalGate, int maxReviewRounds) implements WorkflowFact {
    public static final String TYPE = "run.started";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code stage.started}: a stage began.
   *
   * @param stage the stage's name ({@code REQUIREMENTS}, {@code IMPLEMENTATION}, ...)
   * @param round the review round it belongs to, 0 before the first
   */
  record StageStarted(String stage, int round) implements WorkflowFact {
    public static final String TYPE = "stage.started";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code stage.completed}: a stage finished.
   *
   * @param elapsedMs the stage's duration by the workflow's (deterministic) clock
   */
  record StageCompleted(String stage, int round, long elapsedMs) implements WorkflowFact {
    public static final String TYPE = "stage.completed";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code code.bundle}: a new version of the run's code bundle was assembled.
   *
   * @param files the number of files in the version
   * @param mode how the files were made: {@code CREATE}, {@code PATCH} or {@code REWRITE}
   */
  record CodeBundle(String bundleId, int version, int files, String mode) implements WorkflowFact {
    public static final String TYPE = "code.bundle";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code review.stuck}: the same failure came back; the affected files are rewritten.
   *
   * @param signature what identifies the failure
   * @param action what the workflow does about it ({@code rewrite})
   */
  record ReviewStuck(int round, String signature, String action) implements WorkflowFact {
    public static final String TYPE = "review.stuck";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code approval.requested}: the run waits at the approval gate for a plan decision.
   *
   * @param architectureId the artifact to approve
   * @param timeoutSeconds how long the gate waits before its timeout policy applies
   */
  record ApprovalRequested(String architectureId, long timeoutSeconds) implements WorkflowFact {
    public static final String TYPE = "approval.requested";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code approval.decided}: the plan was approved, or changes were requested.
   *
   * @param feedback the requested changes; absent when approved or rejected outright
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApprovalDecided(boolean approve, String feedback) implements WorkflowFact {
    public static final String TYPE = "approval.decided";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code approval.timed_out}: nobody decided in time.
   *
   * @param action the timeout policy applied: {@code APPROVE} or {@code REJECT}
   */
  record ApprovalTimedOut(String action) implements WorkflowFact {
    public static final String TYPE = "approval.timed_out";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code budget.exhausted}: the run spent its budget and waits for a budget decision.
   *
   * @param tokens tokens spent so far
   * @param costUsd US dollars spent so far
   * @param budgetTokens the token limit (0: none)
   * @param budgetUsd the cost limit (0: none)
   */
  record BudgetExhausted(long tokens, double costUsd, long budgetTokens, double budgetUsd)
      implements WorkflowFact {
    public static final String TYPE = "budget.exhausted";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /** {@code budget.raised}: new limits were set and the run goes on. */
  record BudgetRaised(long budgetTokens, double budgetUsd) implements WorkflowFact {
    public static final String TYPE = "budget.raised";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code budget.stopped}: the run was stopped at its budget.
   *
   * @param tokens tokens spent
   */
  record BudgetStopped(long tokens) implements WorkflowFact {
    public static final String TYPE = "budget.stopped";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code run.completed}: the run reached a verdict. The same summary is stored as the run's
   * result.
   *
   * @param outcome {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code STUCK}, ...
   * @param verdict the verdict in words
   * @param files files in the last bundle version
   * @param bundleId the last bundle version; absent if none was made
   * @param deploymentUrl where the service runs; absent unless deployed
   * @param projectName the project's name; absent before the charter named it
   * @param elapsedMs the run's duration by the workflow's clock
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunCompleted(
      String outcome,
      String verdict,
      int rounds,
      int files,
      int bundleVersion,
      String bundleId,
      String deploymentUrl,
      String projectName,
      int blockingIssues,
      long promptTokens,
      long completionTokens,
      double costUsd,
      long elapsedMs)
      implements RunEnding {
    public static final String TYPE = "run.completed";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code run.failed}: a step failed for good; the run ends without a verdict.
   *
   * @param stage the stage that failed
   * @param type the failure's type (an {@code ApplicationFailure} type)
   * @param message what went wrong
   */
  record RunFailed(String stage, int round, String type, String message) implements RunEnding {
    public static final String TYPE = "run.failed";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /** {@code run.cancelled}: the run was cancelled during {@code stage}. */
  record RunCancelled(String stage, int round) implements RunEnding {
    public static final String TYPE = "run.cancelled";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code artifact.charter}: Requirements stored the project charter.
   *
   * @param entities the number of entities in it
   * @param planner {@code model} or {@code offline}
   */
  record ArtifactCharter(String artifactId, String projectName, int entities, String planner)
      implements ActivityFact {
    public static final String TYPE = "artifact.charter";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code artifact.architecture}: Architecture stored the design.
   *
   * @param files the planned file paths
   * @param components the number of components
   * @param feedback the approval feedback it was redesigned with; absent on a first design
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ArtifactArchitecture(
      String artifactId, List<String> files, int components, String planner, String feedback)
      implements ActivityFact {
    public static final String TYPE = "artifact.architecture";

    public ArtifactArchitecture {
      files = files == null ? List.of() : List.copyOf(files);
    }

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code code.file}: the Implementer stored a file's content; fetch it by {@code sha256}.
   *
   * @param path the normalised project path
   * @param mode {@code CREATE}, {@code PATCH} or {@code REWRITE}
   */
  record CodeFile(String path, String sha256, int bytes, String mode, int round)
      implements ActivityFact {
    public static final String TYPE = "code.file";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String subject() {
      return path;
    }
  }

  /**
   * {@code code.rejected}: a file was not written (path outside the project, too large, ...).
   *
   * @param reason why, in words
   */
  record CodeRejected(String path, String reason, int round) implements ActivityFact {
    public static final String TYPE = "code.rejected";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String subject() {
      return path;
    }
  }

  /**
   * {@code code.progress}: characters of a file streamed so far by the model; per attempt.
   *
   * @param chars characters received so far in this attempt
   */
  record CodeProgress(String path, long chars) implements ActivityFact {
    public static final String TYPE = "code.progress";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String subject() {
      return path + "/" + chars;
    }

    @Override
    public boolean perAttempt() {
      return true;
    }
  }

  /**
   * {@code review.report}: the Reviewer stored its report for a round.
   *
   * @param artifactId the stored report
   * @param summary the review in words (empty if none)
   * @param issues how many issues it found
   * @param blocking how many of them block approval
   * @param top the first issues
   */
  record ReviewReport(
      String artifactId,
      int round,
      boolean approved,
      String summary,
      int issues,
      int blocking,
      List<ReviewIssue> top)
      implements ActivityFact {
    public static final String TYPE = "review.report";

    public ReviewReport {
      top = top == null ? List.of() : List.copyOf(top);
    }

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code test.report}: the sandbox checked a bundle version.
   *
   * @param image the project image the checks ran on
   * @param failures the first failed checks
   * @param summary the checks in words
   */
  record TestReport(
      int round,
      boolean passed,
      String image,
      int testsRun,
      int testsFailed,
      List<CheckFailure> failures,
      String summary)
      implements ActivityFact {
    public static final String TYPE = "test.report";

    public TestReport {
      failures = failures == null ? List.of() : List.copyOf(failures);
    }

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code deploy.ready}: the project's service runs and answers its health check.
   *
   * @param project the project's name
   * @param projectId the project key the deployment is stored under
   * @param url where the service answers
   */
  record DeployReady(String project, String projectId, String url, String containerId, int hostPort)
      implements ActivityFact {
    public static final String TYPE = "deploy.ready";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code deploy.failed}: an attempt to deploy failed; per attempt.
   *
   * @param reason why, in words
   */
  record DeployFailed(String project, String bundleId, String reason) implements ActivityFact {
    public static final String TYPE = "deploy.failed";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public boolean perAttempt() {
      return true;
    }
  }

  /**
   * {@code sandbox.placed}: the run's sandbox work (checks, deploy) goes to this Docker host, where
   * its images are built.
   *
   * @param host the host's name
   * @param previousHost the host the run left because it stopped answering; null at first
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SandboxPlaced(String host, String previousHost) implements WorkflowFact {
    public static final String TYPE = "sandbox.placed";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code retrieval.done}: an agent retrieved passages before it wrote; what, and how well each
   * matched. The passages themselves are kept in the run's {@code context.<agent>} artifact.
   *
   * @param agent {@code requirements}, {@code architecture}, {@code implementer} or {@code
   *     reviewer}
   * @param query what was searched for, shortened
   * @param hits the passages, best first
   */
  record RetrievalDone(String agent, String query, List<RetrievalHit> hits)
      implements ActivityFact {
    public static final String TYPE = "retrieval.done";

    public RetrievalDone {
      hits = hits == null ? List.of() : List.copyOf(hits);
    }

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String subject() {
      return agent;
    }
  }

  /**
   * One retrieved passage, as journalled.
   *
   * @param source {@code document}, {@code knowledge} or {@code code}
   * @param label the document's name, the knowledge section's title, or the file's path
   * @param location where in it: pages and characters, or lines; empty when the whole of it
   * @param score how well it matched, 0 to 1
   */
  record RetrievalHit(String source, String label, String location, double score) {}

  /**
   * {@code retrieval.indexed}: a code version was indexed for questions about the project's code.
   *
   * @param chunks how many passages its files were cut into
   */
  record RetrievalIndexed(String bundleId, int version, int chunks) implements ActivityFact {
    public static final String TYPE = "retrieval.indexed";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String subject() {
      return bundleId;
    }
  }

  /**
   * {@code retrieval.unavailable}: the vector store could not be reached; the activity fails
   * retryably and the run waits for it. Per attempt.
   *
   * @param agent the agent that was retrieving, or {@code code} when indexing
   * @param message what failed, naming the store
   */
  record RetrievalUnavailable(String agent, String message) implements ActivityFact {
    public static final String TYPE = "retrieval.unavailable";

    @Override
    public String eventType() {
      return TYPE;
    }

    @Override
    public String subject() {
      return agent;
    }

    @Override
    public boolean perAttempt() {
      return true;
    }
  }

  /**
   * {@code llm.usage}: a model call completed; what it used.
   *
   * @param agent the calling agent
   * @param model the model that answered
   * @param costUsd the call's price in US dollars
   * @param latencyMs the call's wall time
   */
  record LlmUsage(
      String agent,
      String model,
      long promptTokens,
      long completionTokens,
      double costUsd,
      long latencyMs)
      implements ActivityFact {
    public static final String TYPE = "llm.usage";

    @Override
    public String eventType() {
      return TYPE;
    }
  }

  /**
   * {@code deploy.log}: lines the deployed service logged, batched; written outside any activity.
   *
   * @param project the project whose service logged them
   * @param dropped lines dropped since the last batch because too many came at once; absent if none
   * @param truncated says where the rest is once the journal stops taking lines; absent before
   * @param container the container that logged them, which tells one deployment of the run from a
   *     later one; absent in events journalled before it was recorded
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeployLog(
      String project, List<String> lines, Integer dropped, String truncated, String container)
      implements Fact {
    public static final String TYPE = "deploy.log";

    public DeployLog {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Lines of a container not recorded. */
    public DeployLog(String project, List<String> lines, Integer dropped, String truncated) {
      this(project, lines, dropped, truncated, null);
    }

    @Override
    public String eventType() {
      return TYPE;
    }
  }
}

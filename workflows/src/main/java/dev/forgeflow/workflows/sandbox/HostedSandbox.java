package dev.forgeflow.workflows.sandbox;

import dev.forgeflow.workflows.pipeline.PipelineActivities;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A run's sandbox work on one Docker host (workflow code): placed on first use, then every check
 * and deploy goes to that host's own queue, where the images it built are. A host that stops
 * answering — its queue not polled for {@link PipelineActivities#HOST_SILENCE} — is left: the work
 * is placed anew on a live host and done there (a deploy there builds the image it needs).
 */
public final class HostedSandbox {

  /** How many times a run may move to another host before its failure stands. */
  static final int MAX_MOVES = 3;

  private final String runId;
  private final BiConsumer<String, String> placed;
  private final SandboxPlacement placement =
      Workflow.newActivityStub(SandboxPlacement.class, PipelineActivities.PLACEMENT);
  private SandboxHost host;
  private Stubs stubs;

  /** The checks and deploys of one host. */
  public record Stubs(SandboxHost host, SandboxActivities sandbox, DeployActivities deployer) {}

  /**
   * @param placed told the name of each host the run is placed on, and of the host it left (null at
   *     first)
   */
  public HostedSandbox(String runId, BiConsumer<String, String> placed) {
    this.runId = runId;
    this.placed = placed;
  }

  /** Places the run on a host unless it has one; the host's stubs. */
  public Stubs stubs() {
    if (stubs == null) {
      place(null);
    }
    return stubs;
  }

  /** The run's host, or null before it has one. */
  public SandboxHost host() {
    return host;
  }

  /**
   * Runs {@code work} on the run's host; when the host does not take it up, moves to another host
   * and runs it there.
   */
  public <T> T call(Function<Stubs, T> work) {
    for (int moves = 0; ; moves++) {
      Stubs on = stubs();
      try {
        return work.apply(on);
      } catch (ActivityFailure failure) {
        if (moves >= MAX_MOVES || !hostSilent(failure)) {
          throw failure;
        }
        place(on.host().name());
      }
    }
  }

  private void place(String leaving) {
    SandboxHost chosen = placement.place(new PlacementInput(runId, leaving));
    host = chosen;
    stubs =
        new Stubs(
            chosen,
            Workflow.newActivityStub(
                SandboxActivities.class, PipelineActivities.sandboxOn(chosen.taskQueue())),
            Workflow.newActivityStub(
                DeployActivities.class, PipelineActivities.deployOn(chosen.taskQueue())));
    placed.accept(chosen.name(), leaving);
  }

  /** The host's queue went unpolled: its runner is gone. */
  public static boolean hostSilent(ActivityFailure failure) {
    return failure.getCause() instanceof TimeoutFailure timeout
        && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START;
  }
}

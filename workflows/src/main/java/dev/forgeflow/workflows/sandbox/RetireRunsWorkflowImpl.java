package dev.forgeflow.workflows.sandbox;

import dev.forgeflow.workflows.pipeline.PipelineActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Removes each run's sandbox resources on its host, all at once: a host that does not answer holds
 * up only its own runs, which are left to its janitor.
 */
public class RetireRunsWorkflowImpl implements RetireRunsWorkflow {
  private static final Logger LOG = Workflow.getLogger(RetireRunsWorkflowImpl.class);

  @Override
  public List<String> retire(List<PlacedRun> runs) {
    List<Promise<Void>> removals = new ArrayList<>();
    for (PlacedRun run : runs) {
      DeployActivities host =
          Workflow.newActivityStub(
              DeployActivities.class,
              run.sandboxHost() == null
                  ? PipelineActivities.DEPLOY
                  : PipelineActivities.deployOn(SandboxHost.taskQueue(run.sandboxHost())));
      removals.add(Async.procedure(host::removeRunResources, run.runId()));
    }
    List<String> left = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      PlacedRun run = runs.get(i);
      try {
        removals.get(i).get();
      } catch (ActivityFailure failure) {
        LOG.warn(
            "the sandbox resources of run {} on host {} were left to its janitor: {}",
            run.runId(),
            run.sandboxHost(),
            HostedSandbox.hostSilent(failure) ? "the host does not answer" : failure.getMessage());
        left.add(run.runId());
      }
    }
    return left;
  }
}

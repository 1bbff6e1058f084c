package dev.forgeflow.orchestrator.gateway;

import dev.forgeflow.gateway.Pipelines;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.RunRequestCheck;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.deploy.DeployActivitiesImpl;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.workflows.journal.RunStatus;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineState;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import dev.forgeflow.workflows.sandbox.RetireRunsWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's port onto this server's workflows, sandbox and stores. */
final class GatewayPipelines implements Pipelines {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayPipelines.class);
  private static final Set<String> ENDED =
      Set.of(RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name(), RunStatus.CANCELLED.name());

  private final Runs runs;
  private final SandboxChoice sandbox;
  private final SandboxInstance instance;
  private final String namespace;
  private final WorkflowClient client;

  GatewayPipelines(
      Runs runs,
      SandboxChoice sandbox,
      SandboxInstance instance,
      String namespace,
      WorkflowClient client) {
    this.runs = runs;
    this.client = client;
    this.sandbox = sandbox;
    this.instance = instance;
    this.namespace = namespace;
  }

  @Override
  public PipelineOptions admit(PipelineOptions asked) {
    return runs.admit(asked);
  }

  @Override
  public Optional<String> refusal(String prompt, PipelineOptions options) {
    return RunRequestCheck.problem(new RunRequest(prompt, options));
  }

  @Override
  public void start(RunRecord run, String ownerName, PipelineOptions options) {
    runs.start(run.id(), run.prompt(), options, ownerName);
  }

  @Override
  public Optional<WorkflowClosure> closure(String runId) {
    try {
      return runs.closure(runId)
          .map(closed -> new WorkflowClosure(closed.status(), closed.reason()));
    } catch (WorkflowNotFoundException gone) {
      return Optional.empty();
    } catch (StatusRuntimeException failed) {
      if (failed.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw failed;
    }
  }

  @Override
  public Optional<PipelineState> state(String runId) {
    try {
      return Optional.of(runs.state(runId));
    } catch (WorkflowNotFoundException gone) {
      return Optional.empty();
    } catch (StatusRuntimeException failed) {
      if (failed.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw failed;
    }
  }

  @Override
  public PipelineState decidePlan(String runId, PlanDecision decision) {
    return decide(() -> runs.decidePlan(runId, decision));
  }

  @Override
  public PipelineState decideBudget(String runId, BudgetDecision decision) {
    return decide(() -> runs.decideBudget(runId, decision));
  }

  /**
   * An Update the workflow's validator refused, or a closed workflow, is a decision not awaited.
   */
  private static PipelineState decide(Supplier<PipelineState> update) {
    try {
      return update.get();
    } catch (WorkflowUpdateException refused) {
      throw new NotWaitingException(reason(refused));
    } catch (WorkflowNotFoundException gone) {
      throw new NotWaitingException("the run has ended");
    }
  }

  /** The validator's own words: "the run is not waiting for plan approval". */
  private static String reason(WorkflowUpdateException refused) {
    Throwable cause = refused;
    while (cause != null) {
      if (cause instanceof ApplicationFailure failure && failure.getOriginalMessage() != null) {
        return failure.getOriginalMessage();
      }
      cause = cause.getCause();
    }
    return "the run is not waiting for this decision";
  }

  @Override
  public void cancel(String runId) {
    try {
      runs.cancel(runId);
    } catch (WorkflowNotFoundException gone) {
      // nothing left to cancel
    }
  }

  @Override
  public void retire(String projectId, List<RunRecord> projectRuns) {
    for (RunRecord run : projectRuns) {
      if (!ENDED.contains(run.status())) {
        try {
          cancel(run.id());
        } catch (RuntimeException e) {
          LOG.warn("Could not cancel run {} of deleted project {}", run.id(), projectId, e);
        }
      }
    }
    Set<String> ids = projectRuns.stream().map(RunRecord::id).collect(Collectors.toSet());
    for (DeploymentRecord deployment : runs.stores().deployments().all()) {
      if (ids.contains(deployment.runId())) {
        runs.stores().deployments().remove(deployment.project());
      }
    }
    if (!sandbox.local()) {
      if (sandbox.remote()) {
        retireOnHosts(projectId, ids);
      }
      return;
    }
    DeployActivitiesImpl sandboxSteps =
        new DeployActivitiesImpl(
            sandbox.docker(),
            instance,
            runs.stores().bundles(),
            runs.stores().journal(),
            sandbox.baseImage());
    for (String runId : ids) {
      try {
        sandboxSteps.removeRunResources(runId);
      } catch (RuntimeException e) {
        LOG.warn("Could not remove the sandbox resources of run {}", runId, e);
      }
    }
  }

  /**
   * Has each run's resources removed on the sandbox host it was placed on, by a {@link
   * RetireRunsWorkflow} this does not wait for; what a silent host keeps, its janitor removes.
   */
  private void retireOnHosts(String projectId, Set<String> ids) {
    List<RetireRunsWorkflow.PlacedRun> placed = new ArrayList<>();
    for (String runId : ids) {
      runs.stores()
          .runs()
          .sandboxHost(runId)
          .ifPresent(host -> placed.add(new RetireRunsWorkflow.PlacedRun(runId, host)));
    }
    if (placed.isEmpty()) {
      return;
    }
    placed.sort(java.util.Comparator.comparing(RetireRunsWorkflow.PlacedRun::runId));
    RetireRunsWorkflow retire =
        client.newWorkflowStub(
            RetireRunsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RetireRunsWorkflow.workflowId(projectId))
                .setTaskQueue(PipelineWorkflow.TASK_QUEUE)
                .setWorkflowExecutionTimeout(java.time.Duration.ofMinutes(30))
                .build());
    try {
      WorkflowClient.start(retire::retire, placed);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not have the sandbox resources of deleted project {} removed on their hosts;"
              + " their janitors will",
          projectId,
          e);
    }
  }

  @Override
  public boolean reachable() {
    return runs.serviceAnswers();
  }

  @Override
  public ServerInfo info() {
    return new ServerInfo(
        runs.offline(),
        runs.model().describe(),
        sandbox.describe(),
        runs.temporal().describe(),
        runs.temporal().webUrl(),
        namespace);
  }

  @Override
  public boolean offline() {
    return runs.offline();
  }
}

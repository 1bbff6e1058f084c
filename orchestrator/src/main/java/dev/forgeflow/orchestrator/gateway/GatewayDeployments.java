package dev.forgeflow.orchestrator.gateway;

import com.github.dockerjava.api.model.Container;
import dev.forgeflow.gateway.DeploymentPort;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.deploy.LogStream;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.DeploymentStore;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.DeployWorkflow;
import dev.forgeflow.workflows.sandbox.UndeployWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The gateway's port onto this server's sandbox: deploys go through a {@link DeployWorkflow}, so
 * they are durable and show in Temporal Web; status, logs and stopping read the Docker daemon and
 * the deployments the store recorded.
 */
final class GatewayDeployments implements DeploymentPort {

  private static final String LOOPBACK = "127.0.0.1";

  private final WorkflowClient client;
  private final SandboxChoice sandbox;
  private final SandboxInstance instance;
  private final DeploymentStore deployments;
  private final RunStore runs;
  private final JournalLogs journalled;

  /**
   * Where sandbox runners elsewhere do the Docker work ({@link SandboxChoice#remote()}), deploys
   * and stops go to the run's host through Temporal.
   */
  GatewayDeployments(
      WorkflowClient client,
      SandboxChoice sandbox,
      SandboxInstance instance,
      DeploymentStore deployments,
      RunStore runs,
      JournalLogs journalled) {
    this.client = client;
    this.sandbox = sandbox;
    this.instance = instance;
    this.deployments = deployments;
    this.runs = runs;
    this.journalled = journalled;
  }

  @Override
  public Optional<String> unavailable() {
    return sandbox.available() ? Optional.empty() : Optional.of(sandbox.reason());
  }

  @Override
  public void deploy(RunRecord run, String bundleId) {
    DeployWorkflow workflow =
        client.newWorkflowStub(
            DeployWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeployWorkflow.workflowId(run.id()))
                .setTaskQueue(PipelineWorkflow.TASK_QUEUE)
                .build());
    String name = run.projectName() == null ? "project" : run.projectName();
    try {
      WorkflowClient.start(
          workflow::deploy,
          new DeployInput(run.id(), name, bundleId, runs.sandboxHost(run.id()).orElse(null)));
    } catch (WorkflowExecutionAlreadyStarted running) {
      throw new Busy("A deploy of run " + run.id() + " is in progress");
    }
  }

  @Override
  public Optional<Status> status(String runId) {
    Optional<DeploymentRecord> recorded = deployments.find(ProjectImages.project(runId));
    Optional<String> bundle = sandbox.local() ? runningBundle(runId) : Optional.empty();
    WorkflowStub deploy = client.newUntypedWorkflowStub(DeployWorkflow.workflowId(runId));
    WorkflowExecutionStatus last = lastDeploy(deploy);
    if (last == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return Optional.of(
          new Status(
              "deploying",
              recorded.map(DeploymentRecord::url).orElse(null),
              bundle.orElse(null),
              recorded.map(DeploymentRecord::expiresAt).orElse(null)));
    }
    if (recorded.isPresent()) {
      DeploymentRecord record = recorded.get();
      String state = bundle.isPresent() || !sandbox.local() ? record.status() : "stopped";
      return Optional.of(new Status(state, record.url(), bundle.orElse(null), record.expiresAt()));
    }
    if (last == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED
        || last == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT) {
      return Optional.of(new Status("failed: " + failure(deploy), null, null, null));
    }
    return Optional.empty();
  }

  private static WorkflowExecutionStatus lastDeploy(WorkflowStub deploy) {
    try {
      return deploy.describe().getStatus();
    } catch (WorkflowNotFoundException never) {
      return null;
    } catch (io.grpc.StatusRuntimeException unknown) {
      if (unknown.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return null;
      }
      throw unknown;
    }
  }

  private static String failure(WorkflowStub deploy) {
    try {
      deploy.getResult(1, TimeUnit.SECONDS, Object.class);
      return "unknown";
    } catch (WorkflowFailedException failed) {
      Throwable cause = failed;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause instanceof ApplicationFailure app && app.getOriginalMessage() != null
          ? app.getOriginalMessage()
          : String.valueOf(cause.getMessage());
    } catch (Exception unreadable) {
      return "unknown";
    }
  }

  /** The bundle the run's running service container runs, from its labels. */
  private Optional<String> runningBundle(String runId) {
    List<Container> running =
        sandbox
            .docker()
            .listContainersCmd()
            .withShowAll(false)
            .withLabelFilter(
                Map.of(
                    ProjectImages.PROJECT_LABEL,
                    ProjectImages.project(runId),
                    SandboxInstance.LABEL,
                    instance.id()))
            .exec();
    return running.stream()
        .map(container -> container.getLabels().get(ProjectImages.BUNDLE_LABEL))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  @Override
  public java.util.List<String> deployedRuns() {
    return deployments.all().stream().map(DeploymentRecord::runId).distinct().toList();
  }

  @Override
  public boolean stop(String runId) {
    String project = ProjectImages.project(runId);
    boolean recorded = deployments.find(project).isPresent();
    boolean stopped =
        sandbox.local()
            ? new Deployments(sandbox.docker(), new EgressRules(), instance).stop(project)
            : sandbox.remote() && stopOnHost(runId);
    deployments.remove(project);
    return stopped || recorded;
  }

  /** Stops the run's service on the host that runs it, through an {@link UndeployWorkflow}. */
  private boolean stopOnHost(String runId) {
    UndeployWorkflow undeploy =
        client.newWorkflowStub(
            UndeployWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(UndeployWorkflow.workflowId(runId))
                .setTaskQueue(PipelineWorkflow.TASK_QUEUE)
                .setWorkflowExecutionTimeout(java.time.Duration.ofMinutes(5))
                .build());
    return undeploy.stop(runId, runs.sandboxHost(runId).orElse(null));
  }

  @Override
  public AutoCloseable followLogs(
      String runId, int tail, boolean follow, Consumer<String> lines, Runnable ended) {
    if (sandbox.remote()) {
      // The service runs on a sandbox runner's Docker host, which journals its log.
      return journalled.follow(
          runId,
          ProjectImages.project(runId),
          runs.sandboxHost(runId).orElse("(the shared queue)"),
          tail,
          follow,
          lines,
          ended);
    }
    if (!sandbox.local()) {
      throw new NoSuchElementException("no sandbox on this server");
    }
    Deployments running = new Deployments(sandbox.docker(), new EgressRules(), instance);
    LogStream stream;
    try {
      stream = running.logs(ProjectImages.project(runId), tail, follow, lines);
    } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
      throw new NoSuchElementException("run " + runId + " has no service");
    }
    Thread waiter =
        new Thread(
            () -> {
              try {
                while (!stream.awaitEnd(java.time.Duration.ofMinutes(1))) {
                  // still following
                }
              } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
              } finally {
                ended.run();
              }
            },
            "forgeflow-log-" + ProjectImages.project(runId));
    waiter.setDaemon(true);
    waiter.start();
    return () -> {
      stream.close();
      waiter.interrupt();
    };
  }

  @Override
  public Optional<URI> target(String runId) {
    return deployments
        .find(ProjectImages.project(runId))
        .filter(record -> "healthy".equals(record.status()))
        .map(record -> URI.create(record.url()))
        .filter(url -> LOOPBACK.equals(url.getHost()) && url.getPort() > 0);
  }
}

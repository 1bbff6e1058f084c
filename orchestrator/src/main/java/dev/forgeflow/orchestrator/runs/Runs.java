package dev.forgeflow.orchestrator.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.orchestrator.config.ModelChoice;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PipelineInput;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineState;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import dev.forgeflow.workflows.pipeline.RunSearchAttributes;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Starts runs (run id = workflow id), steers them through the workflow's Updates, cancels them, and
 * reads their journals.
 */
@Service
public class Runs {
  /** The owner of runs started from this machine's CLI: its user. */
  private static final String LOCAL_OWNER = System.getProperty("user.name", "local");

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final WorkflowClient client;
  private final Stores stores;
  private final SandboxChoice sandbox;
  private final TemporalChoice temporal;
  private final ModelChoice model;

  public Runs(
      WorkflowClient client,
      Stores stores,
      SandboxChoice sandbox,
      TemporalChoice temporal,
      ModelChoice model) {
    this.client = client;
    this.stores = stores;
    this.sandbox = sandbox;
    this.temporal = temporal;
    this.model = model;
  }

  /**
   * Checks the request, stores the run as QUEUED and starts its workflow; the sandbox steps run
   * when the request asks for them and a sandbox is available.
   */
  public Launch launch(RunRequest asked) {
    return launch(asked, LOCAL_OWNER);
  }

  /**
   * Like {@link #launch(RunRequest)}, for {@code owner}: the run's workflow carries it, with the
   * model and the prompt's first line, for operators who list runs in Temporal Web.
   */
  public Launch launch(RunRequest asked, String owner) {
    RunRequest request =
        new RunRequest(
            asked.prompt(),
            asked
                .options()
                .withSandbox(sandbox.runsSteps() ? asked.options().sandbox() : SandboxMode.OFF));
    Optional<String> problem = RunRequestCheck.problem(request);
    if (problem.isPresent()) {
      return new Launch.Refused(problem.get());
    }
    String runId = stores.runs().create(new NewRun(request.prompt(), json(request.options())));
    try {
      start(runId, request.prompt(), request.options(), owner);
    } catch (RuntimeException notStarted) {
      // a run whose workflow never started must not sit in QUEUED for ever
      stores.runs().setStatus(runId, "FAILED");
      throw notStarted;
    }
    return new Launch.Started(runId);
  }

  /**
   * Starts the workflow of a stored run (workflow id = run id) for {@code owner}; a workflow that
   * has started already is left as it is.
   */
  public void start(String runId, String prompt, PipelineOptions options, String owner) {
    PipelineWorkflow workflow =
        client.newWorkflowStub(
            PipelineWorkflow.class,
            indexing(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(runId)
                        .setTaskQueue(PipelineWorkflow.TASK_QUEUE)
                        .setMemo(
                            Map.of(
                                RunSearchAttributes.PROMPT_MEMO,
                                RunSearchAttributes.promptLine(prompt))),
                    owner)
                .build());
    try {
      WorkflowClient.start(
          workflow::run, new PipelineInput(runId, prompt, options, temporal.indexed()));
    } catch (WorkflowExecutionAlreadyStarted started) {
      // a repeated request for a run whose workflow is running or has run
    }
  }

  /** What this server makes of asked options: no sandbox steps without a sandbox. */
  public PipelineOptions admit(PipelineOptions asked) {
    return sandbox.runsSteps() ? asked : asked.withSandbox(SandboxMode.OFF);
  }

  public boolean offline() {
    return model.offline();
  }

  public ModelChoice model() {
    return model;
  }

  public TemporalChoice temporal() {
    return temporal;
  }

  /** Whether the workflow service answers within three seconds. */
  public boolean serviceAnswers() {
    try {
      client
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(3, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException unanswered) {
      return false;
    }
  }

  private WorkflowOptions.Builder indexing(WorkflowOptions.Builder options, String owner) {
    if (!temporal.indexed()) {
      return options;
    }
    return options.setTypedSearchAttributes(
        SearchAttributes.newBuilder()
            .set(RunSearchAttributes.OWNER, owner)
            .set(
                RunSearchAttributes.MODEL,
                model.settings().map(LlmSettings::defaultModel).orElse("offline"))
            .set(RunSearchAttributes.STATUS, RunStore.QUEUED)
            .set(RunSearchAttributes.ROUND, 0L)
            .build());
  }

  public Optional<RunRecord> find(String runId) {
    return stores.runs().find(runId);
  }

  public PipelineState state(String runId) {
    return workflow(runId).state();
  }

  public PipelineState decidePlan(String runId, PlanDecision decision) {
    return workflow(runId).decidePlan(decision);
  }

  public PipelineState decideBudget(String runId, BudgetDecision decision) {
    return workflow(runId).decideBudget(decision);
  }

  /**
   * Whether Temporal still holds the run's workflow, open or closed. False when its history is
   * gone: the run was started on an in-process service that has stopped since.
   */
  public boolean workflowKnown(String runId) {
    try {
      client.newUntypedWorkflowStub(runId).describe();
      return true;
    } catch (WorkflowNotFoundException gone) {
      return false;
    } catch (StatusRuntimeException failed) {
      if (failed.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw failed;
    }
  }

  /**
   * Ends a run whose workflow is gone, so that it does not show as running for ever: its result and
   * status say it failed and why, and its journal ends with {@code run.failed}.
   */
  public void abandon(String runId, String reason) {
    Fact.RunFailed end = new Fact.RunFailed("RESUME", 0, "WorkflowLost", reason);
    String payload = Facts.json(end);
    stores.runs().setResult(runId, payload);
    stores.runs().setStatus(runId, "FAILED");
    stores.journal().append(runId, Fact.RunFailed.TYPE, payload, 1, Fact.RunEnding.FACT_KEY);
  }

  /** Requests cancellation; the workflow journals {@code run.cancelled} once it has stopped. */
  public void cancel(String runId) {
    client.newUntypedWorkflowStub(runId).cancel();
  }

  /**
   * How the run's workflow closed, or empty while it is still open (running, or continued as new).
   * Lets a follower notice a workflow that closed without journalling its end, e.g. one terminated
   * from Temporal's own tools.
   */
  public Optional<RunClosure> closure(String runId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(runId);
    WorkflowExecutionStatus status = stub.describe().getStatus();
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) {
      return Optional.empty();
    }
    String name = status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    return Optional.of(new RunClosure(name, reason(stub)));
  }

  private static String reason(WorkflowStub closed) {
    try {
      closed.getResult(1, TimeUnit.SECONDS, Object.class);
      return "";
    } catch (WorkflowFailedException failed) {
      Throwable cause = failed;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause.getMessage() == null ? "" : cause.getMessage();
    } catch (TimeoutException | RuntimeException unreadable) {
      return "";
    }
  }

  public List<JournalEvent> awaitEvents(String runId, long afterSeq, Duration maxWait) {
    return stores.journal().awaitAfter(runId, afterSeq, 500, maxWait);
  }

  public Stores stores() {
    return stores;
  }

  private PipelineWorkflow workflow(String runId) {
    return client.newWorkflowStub(PipelineWorkflow.class, runId);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

package dev.forgeflow.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.gateway.AuditTrail.Subject;
import dev.forgeflow.store.CreatedRun;
import dev.forgeflow.store.IdempotencyConflictException;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.RunPage;
import dev.forgeflow.store.RunQuery;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.workflows.journal.RunStatus;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineState;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs: create one in a project, list, read (the store's record plus the workflow's state), cancel,
 * approve or request changes to its plan, raise its budget. Someone else's run is a 404.
 */
@RestController
@Tag(name = "Runs")
class RunsController {

  /** The longest prompt accepted, in characters. */
  static final int MAX_PROMPT_CHARS = 20_000;

  private static final Logger log = LoggerFactory.getLogger(RunsController.class);
  private static final Set<String> ENDED =
      Set.of(RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name(), RunStatus.CANCELLED.name());
  private static final ObjectMapper OPTIONS_JSON = new ObjectMapper().findAndRegisterModules();

  private final Stores stores;
  private final Pipelines pipelines;
  private final Blocking blocking;
  private final PerUserLimit limit;
  private final AuditTrail audit;

  RunsController(
      Stores stores,
      Pipelines pipelines,
      Blocking blocking,
      PerUserLimit.PerUser limits,
      AuditTrail audit) {
    this.stores = stores;
    this.pipelines = pipelines;
    this.blocking = blocking;
    this.limit = limits.runs();
    this.audit = audit;
  }

  /**
   * What to build and how.
   *
   * @param sandbox {@code off}: review only; {@code check}: build and test every version in the
   *     sandbox; {@code deploy} (the default): also deploy the approved service
   */
  record RunCreate(
      @NotNull @Size(min = 1, max = MAX_PROMPT_CHARS) String prompt,
      Boolean approvalGate,
      @Min(1) @Max(10) Integer maxReviewRounds,
      @Min(1) @Max(32) Integer implementerConcurrency,
      @Min(0) @Max(1_000_000_000) Long budgetTokens,
      @DecimalMin("0") @DecimalMax("100000") Double budgetUsd,
      @Pattern(regexp = "(?i)off|check|deploy", message = "must be off, check or deploy")
          String sandbox) {

    PipelineOptions options() {
      PipelineOptions defaults = PipelineOptions.defaults();
      PipelineOptions asked =
          new PipelineOptions(
              approvalGate != null && approvalGate,
              defaults.approvalTimeout(),
              defaults.onApprovalTimeout(),
              maxReviewRounds == null ? defaults.maxReviewRounds() : maxReviewRounds,
              implementerConcurrency == null
                  ? defaults.implementerConcurrency()
                  : implementerConcurrency,
              budgetTokens == null ? 0 : budgetTokens,
              budgetUsd == null ? 0 : budgetUsd,
              defaults.models(),
              sandbox == null
                  ? SandboxMode.DEPLOY
                  : SandboxMode.valueOf(sandbox.toUpperCase(Locale.ROOT)));
      return asked;
    }
  }

  /** A run as lists show it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunView(
      String id,
      String projectId,
      String status,
      String service,
      String prompt,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String events) {
    static RunView of(RunRecord run) {
      return new RunView(
          run.id(),
          run.projectId(),
          run.status(),
          run.projectName(),
          run.prompt(),
          run.createdAt(),
          run.updatedAt(),
          "/api/runs/" + run.id() + "/events");
    }
  }

  /** A run in full: its options, its result once it has ended, and its workflow's state. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunDetail(
      String id,
      String projectId,
      String status,
      String service,
      String prompt,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String events,
      @JsonRawValue String options,
      @JsonRawValue String result,
      PipelineState state,
      Pipelines.WorkflowClosure workflowClosed,
      boolean offlinePlanner) {}

  /** One page of runs, the newest first; {@code next} lists the following page. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RunList(List<RunView> items, String next) {}

  /** Feedback for Architecture when asking for changes. */
  record Changes(@NotBlank @Size(max = MAX_PROMPT_CHARS) String feedback) {}

  /** New budget limits (0 = none) for a run paused by its budget, or stop it. */
  record BudgetAnswer(
      boolean stop,
      @Min(0) @Max(1_000_000_000) long budgetTokens,
      @DecimalMin("0") @DecimalMax("100000") double budgetUsd) {}

  @GetMapping("/api/server")
  @Operation(summary = "What this server runs on: planner or model, sandbox, workflow service")
  Mono<Pipelines.ServerInfo> server() {
    return blocking.call(pipelines::info);
  }

  @PostMapping("/api/projects/{projectId}/runs")
  @Operation(
      summary = "Start a run in a project",
      description =
          "Answers 202 with the run and its events URL. With an Idempotency-Key, the same key and"
              + " request return the same run; the same key with another request is a 409.")
  Mono<ResponseEntity<RunView>> create(
      @PathVariable String projectId,
      @Parameter(description = "a key naming this request, 1 to 255 characters")
          @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 255)
          String idempotencyKey,
      @Valid @RequestBody RunCreate body,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    Optional<ErrorResponseException> refused = limit.refusal(user.id());
    if (refused.isPresent()) {
      return Mono.error(refused.get());
    }
    return blocking
        .audited(() -> create(exchange, user, projectId, idempotencyKey, body))
        .map(
            created ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/runs/" + created.run().id()))
                    .header("Idempotent-Replayed", Boolean.toString(!created.created()))
                    .body(RunView.of(created.run())));
  }

  private CreatedRun create(
      ServerWebExchange exchange,
      User user,
      String projectId,
      String idempotencyKey,
      RunCreate body) {
    if (stores.projects().findOwned(user.id(), projectId).isEmpty()) {
      throw ProjectsController.noSuchProject(projectId);
    }
    if (body.prompt().indexOf('\0') >= 0) {
      throw Problems.badRequest("prompt: contains a NUL character");
    }
    PipelineOptions options = pipelines.admit(body.options());
    Optional<String> refusal = pipelines.refusal(body.prompt(), options);
    if (refusal.isPresent()) {
      throw Problems.badRequest(refusal.get());
    }
    NewRun run = new NewRun(body.prompt(), json(options), user.id(), projectId);
    CreatedRun created;
    if (idempotencyKey == null) {
      created = new CreatedRun(stores.runs().find(stores.runs().create(run)).orElseThrow(), true);
    } else {
      try {
        created = stores.runs().createOnce(run, idempotencyKey, requestHash(projectId, body));
      } catch (IdempotencyConflictException conflict) {
        throw Problems.conflict(conflict.getMessage());
      }
    }
    if (created.created()) {
      // before starting it: a run that fails to start was created all the same
      audit.record(
          exchange,
          user.id(),
          AuditAction.RUN_CREATED,
          subject(created.run()),
          Map.of(
              "prompt",
              body.prompt(),
              "sandbox",
              options.sandbox().name().toLowerCase(Locale.ROOT)));
    }
    if (RunStatus.QUEUED.name().equals(created.run().status())) {
      // Also for a replayed request: the first may have stored its run and failed to start it.
      start(created.run(), user, options);
    }
    return created;
  }

  private void start(RunRecord run, User user, PipelineOptions options) {
    try {
      pipelines.start(run, user.username(), options);
    } catch (RuntimeException notStarted) {
      log.warn("Run {} could not start", run.id(), notStarted);
      stores.runs().setStatus(run.id(), RunStatus.FAILED.name());
      throw Problems.unavailable("The run could not start: the workflow service did not answer");
    }
  }

  @GetMapping("/api/runs")
  @Operation(summary = "List your runs, the newest first, with filters and paging")
  Mono<RunList> list(
      @RequestParam(required = false) @Size(max = 64) String project,
      @RequestParam(required = false)
          @Pattern(
              regexp = "QUEUED|RUNNING|AWAITING_APPROVAL|PAUSED_BUDGET|SUCCEEDED|FAILED|CANCELLED")
          String status,
      @RequestParam(required = false) @Size(max = 200) String after,
      @RequestParam(defaultValue = "50") @Min(1) @Max(RunQuery.MAX_LIMIT) int limit,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          RunPage page;
          try {
            page = stores.runs().listOwned(new RunQuery(user.id(), project, status, after, limit));
          } catch (IllegalArgumentException badCursor) {
            throw Problems.badRequest("after: " + badCursor.getMessage());
          }
          return new RunList(page.runs().stream().map(RunView::of).toList(), page.next());
        });
  }

  @GetMapping("/api/runs/{id}")
  @Operation(summary = "Read a run: its record, options, result and its workflow's state")
  Mono<RunDetail> get(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          RunRecord run = owned(user, id);
          return new RunDetail(
              run.id(),
              run.projectId(),
              run.status(),
              run.projectName(),
              run.prompt(),
              run.createdAt(),
              run.updatedAt(),
              "/api/runs/" + run.id() + "/events",
              run.optionsJson(),
              run.resultJson(),
              state(run.id()).orElse(null),
              closure(run.id()).orElse(null),
              pipelines.offline());
        });
  }

  private Optional<Pipelines.WorkflowClosure> closure(String runId) {
    try {
      return pipelines.closure(runId);
    } catch (RuntimeException unanswered) {
      log.debug("No closure for run {}", runId, unanswered);
      return Optional.empty();
    }
  }

  private Optional<PipelineState> state(String runId) {
    try {
      return pipelines.state(runId);
    } catch (RuntimeException unanswered) {
      log.debug("No state for run {}", runId, unanswered);
      return Optional.empty();
    }
  }

  @PostMapping("/api/runs/{id}/cancel")
  @Operation(summary = "Cancel a run; it journals run.cancelled once it has stopped")
  Mono<ResponseEntity<RunView>> cancel(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.audited(
        () -> {
          RunRecord run = owned(user, id);
          if (ENDED.contains(run.status())) {
            throw Problems.conflict("The run has ended already (" + run.status() + ")");
          }
          pipelines.cancel(run.id());
          audit.record(
              exchange,
              user.id(),
              AuditAction.RUN_CANCELLED,
              subject(run),
              Map.of("status", run.status()));
          return ResponseEntity.status(HttpStatus.ACCEPTED).body(RunView.of(run));
        });
  }

  @PostMapping("/api/runs/{id}/approve")
  @Operation(summary = "Approve the plan of a run waiting at its approval gate")
  Mono<PipelineState> approve(@PathVariable String id, ServerWebExchange exchange) {
    return decidePlan(exchange, id, PlanDecision.approved());
  }

  @PostMapping("/api/runs/{id}/request-changes")
  @Operation(summary = "Ask Architecture to design the plan again, with this feedback")
  Mono<PipelineState> requestChanges(
      @PathVariable String id, @Valid @RequestBody Changes body, ServerWebExchange exchange) {
    return decidePlan(exchange, id, PlanDecision.changes(body.feedback()));
  }

  @PostMapping("/api/runs/{id}/reject")
  @Operation(summary = "Reject the plan: the run ends and builds nothing")
  Mono<PipelineState> reject(@PathVariable String id, ServerWebExchange exchange) {
    return decidePlan(exchange, id, PlanDecision.rejected());
  }

  private Mono<PipelineState> decidePlan(
      ServerWebExchange exchange, String id, PlanDecision decision) {
    User user = Caller.user(exchange);
    return blocking.audited(
        () -> {
          RunRecord run = owned(user, id);
          PipelineState state;
          try {
            state = pipelines.decidePlan(id, decision);
          } catch (Pipelines.NotWaitingException notWaiting) {
            throw Problems.conflict(notWaiting.getMessage());
          }
          audit.record(
              exchange, user.id(), planAction(decision), subject(run), planDetail(decision));
          return state;
        });
  }

  private static AuditAction planAction(PlanDecision decision) {
    if (decision instanceof PlanDecision.Approve) {
      return AuditAction.RUN_APPROVED;
    }
    return decision instanceof PlanDecision.Revise
        ? AuditAction.RUN_CHANGES_REQUESTED
        : AuditAction.RUN_REJECTED;
  }

  private static Map<String, String> planDetail(PlanDecision decision) {
    return decision.feedback() == null ? Map.of() : Map.of("feedback", decision.feedback());
  }

  /** A run as the audit trail names it. */
  static Subject subject(RunRecord run) {
    return new Subject("run", run.id(), run.projectId());
  }

  @PostMapping("/api/runs/{id}/budget")
  @Operation(summary = "Raise the budget of a run paused by it, or stop the run")
  Mono<PipelineState> budget(
      @PathVariable String id, @Valid @RequestBody BudgetAnswer body, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    BudgetDecision decision =
        body.stop()
            ? BudgetDecision.stopRun()
            : BudgetDecision.raiseTo(body.budgetTokens(), body.budgetUsd());
    return blocking.call(
        () -> {
          owned(user, id);
          try {
            return pipelines.decideBudget(id, decision);
          } catch (Pipelines.NotWaitingException notWaiting) {
            throw Problems.conflict(notWaiting.getMessage());
          }
        });
  }

  private RunRecord owned(User user, String runId) {
    return OwnedRuns.find(stores, user, runId);
  }

  private static String json(PipelineOptions options) {
    try {
      return OPTIONS_JSON.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A digest of everything a create request asks for, to tell one request from another. */
  static String requestHash(String projectId, RunCreate body) {
    try {
      byte[] request = OPTIONS_JSON.writeValueAsBytes(List.of(projectId, body));
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(request));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

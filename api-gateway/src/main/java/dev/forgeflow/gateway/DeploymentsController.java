package dev.forgeflow.gateway;

import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.store.projects.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * A run's deployed service: deploy a bundle version, read its status, stop it, follow its log. Only
 * the run's owner sees any of it; someone else's run is a 404.
 */
@RestController
@Tag(name = "Deployments")
class DeploymentsController {

  /** How many log lines a follower may have waiting before it is dropped (it can reconnect). */
  private static final int LOG_BUFFER = 2_000;

  private static final Duration LOG_HEARTBEAT = Duration.ofSeconds(15);

  private final Stores stores;
  private final DeploymentPort sandbox;
  private final Blocking blocking;
  private final AuditTrail audit;

  DeploymentsController(
      Stores stores, DeploymentPort sandbox, Blocking blocking, AuditTrail audit) {
    this.stores = stores;
    this.sandbox = sandbox;
    this.blocking = blocking;
    this.audit = audit;
  }

  /** Which version to deploy; the latest when absent. */
  record DeployRequest(@Min(1) @Max(10_000) Integer version) {}

  /** A run's service as clients see it. */
  record DeploymentView(
      String runId,
      String state,
      String url,
      String bundleId,
      OffsetDateTime expiresAt,
      String proxy,
      String logs) {
    static DeploymentView of(String runId, DeploymentPort.Status status) {
      return new DeploymentView(
          runId,
          status.state(),
          status.url(),
          status.bundleId(),
          status.expiresAt(),
          "/api/runs/" + runId + "/deployment/proxy/",
          "/api/runs/" + runId + "/deployment/logs");
    }
  }

  /** One of the caller's services, as listed. */
  record DeploymentItem(
      String runId,
      String projectId,
      String project,
      String service,
      String state,
      String url,
      OffsetDateTime expiresAt,
      String proxy,
      String logs) {}

  /** The caller's services. */
  record DeploymentList(List<DeploymentItem> items) {}

  @GetMapping("/api/deployments")
  @Operation(
      summary = "The caller's deployed services",
      description =
          "Every service of the caller's runs that is deployed or being deployed, newest run"
              + " first: its run, project, state, URL and expiry.")
  Mono<DeploymentList> list(ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          List<RunRecord> runs = new ArrayList<>();
          for (String runId : sandbox.deployedRuns()) {
            stores.runs().findOwned(user.id(), runId).ifPresent(runs::add);
          }
          runs.sort(Comparator.comparing(RunRecord::createdAt).reversed());
          List<DeploymentItem> items = new ArrayList<>();
          for (RunRecord run : runs) {
            Optional<DeploymentPort.Status> status = sandbox.status(run.id());
            if (status.isEmpty()) {
              continue; // stopped since it was read
            }
            String project =
                run.projectId() == null
                    ? null
                    : stores
                        .projects()
                        .findOwned(user.id(), run.projectId())
                        .map(Project::name)
                        .orElse(null);
            DeploymentView view = DeploymentView.of(run.id(), status.get());
            items.add(
                new DeploymentItem(
                    run.id(),
                    run.projectId(),
                    project,
                    run.projectName(),
                    view.state(),
                    view.url(),
                    view.expiresAt(),
                    view.proxy(),
                    view.logs()));
          }
          return new DeploymentList(items);
        });
  }

  @PostMapping("/api/runs/{id}/deployment")
  @Operation(
      summary = "Deploy a bundle version of the run as its service",
      description =
          "Answers 202 while the version is built, started in the sandbox and health-checked; its"
              + " status then says healthy, or what went wrong. The previous service keeps serving"
              + " until the new one is healthy.")
  Mono<ResponseEntity<DeploymentView>> deploy(
      @PathVariable String id,
      @Valid @RequestBody(required = false) DeployRequest body,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.audited(
        () -> {
          RunRecord run = owned(user, id);
          Optional<String> unavailable = sandbox.unavailable();
          if (unavailable.isPresent()) {
            throw Problems.conflict("This server cannot deploy: " + unavailable.get());
          }
          BundleVersion version = version(run, body == null ? null : body.version());
          try {
            sandbox.deploy(run, version.id());
          } catch (DeploymentPort.Busy busy) {
            throw Problems.conflict(busy.getMessage());
          }
          audit.record(
              exchange,
              user.id(),
              AuditAction.DEPLOYMENT_STARTED,
              subject(run),
              Map.of("version", Integer.toString(version.version()), "bundleId", version.id()));
          DeploymentPort.Status status =
              sandbox
                  .status(id)
                  .orElse(new DeploymentPort.Status("deploying", null, version.id(), null));
          return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeploymentView.of(id, status));
        });
  }

  private BundleVersion version(RunRecord run, Integer number) {
    if (number == null) {
      return stores
          .bundles()
          .latest(run.id())
          .orElseThrow(() -> Problems.conflict("The run has no bundle version to deploy yet"));
    }
    return stores.bundles().versions(run.id()).stream()
        .filter(version -> version.version() == number)
        .findFirst()
        .orElseThrow(() -> Problems.notFound("The run has no version " + number));
  }

  @GetMapping("/api/runs/{id}/deployment")
  @Operation(summary = "The run's service: its state, URL and expiry")
  Mono<DeploymentView> status(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          owned(user, id);
          return sandbox
              .status(id)
              .map(status -> DeploymentView.of(id, status))
              .orElseThrow(() -> Problems.notFound("Run " + id + " has no deployed service"));
        });
  }

  @DeleteMapping("/api/runs/{id}/deployment")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Stop and remove the run's service")
  Mono<Void> stop(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .audited(
            () -> {
              RunRecord run = owned(user, id);
              boolean stopped = sandbox.stop(id);
              if (stopped) {
                audit.record(
                    exchange, user.id(), AuditAction.DEPLOYMENT_STOPPED, subject(run), Map.of());
              }
              return stopped;
            })
        .flatMap(
            stopped ->
                stopped
                    ? Mono.<Void>empty()
                    : Mono.error(Problems.notFound("Run " + id + " has no deployed service")));
  }

  @GetMapping(
      value = "/api/runs/{id}/deployment/logs",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Follow the service's log as Server-Sent Events",
      description =
          "The last `tail` lines, then every new line (event `log`), until the service stops"
              + " (event `end`); with `follow=false`, the last `tail` lines and `end`.")
  Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> logs(
      @PathVariable String id,
      @RequestParam(defaultValue = "100") @Min(0) @Max(10_000) int tail,
      @RequestParam(defaultValue = "true") boolean follow,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(
            () -> {
              owned(user, id);
              if (sandbox.status(id).isEmpty()) {
                throw Problems.notFound("Run " + id + " has no deployed service");
              }
              return id;
            })
        .map(
            runId ->
                ResponseEntity.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .body(lines(runId, tail, follow)));
  }

  private Flux<ServerSentEvent<String>> lines(String runId, int tail, boolean follow) {
    Flux<ServerSentEvent<String>> log =
        Flux.<ServerSentEvent<String>>create(
                sink -> {
                  AutoCloseable handle;
                  try {
                    handle =
                        sandbox.followLogs(
                            runId,
                            tail,
                            follow,
                            line -> sink.next(ServerSentEvent.builder(line).event("log").build()),
                            () -> {
                              sink.next(ServerSentEvent.builder("").event("end").build());
                              sink.complete();
                            });
                  } catch (NoSuchElementException gone) {
                    sink.next(ServerSentEvent.builder("").event("end").build());
                    sink.complete();
                    return;
                  }
                  sink.onDispose(() -> close(handle));
                },
                FluxSink.OverflowStrategy.BUFFER)
            .onBackpressureBuffer(LOG_BUFFER)
            .subscribeOn(blocking.scheduler());
    Flux<ServerSentEvent<String>> heartbeats =
        Flux.interval(LOG_HEARTBEAT)
            .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
    return Flux.merge(log, heartbeats).takeUntil(event -> "end".equals(event.event()));
  }

  private static void close(AutoCloseable follow) {
    try {
      follow.close();
    } catch (Exception ignored) {
      // the log stream is gone either way
    }
  }

  /** A run's deployment as the audit trail names it. */
  private static AuditTrail.Subject subject(RunRecord run) {
    return new AuditTrail.Subject("deployment", run.id(), run.projectId());
  }

  private RunRecord owned(User user, String runId) {
    return OwnedRuns.find(stores, user, runId);
  }
}

package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.store.projects.DuplicateProjectException;
import dev.forgeflow.store.projects.Project;
import dev.forgeflow.store.projects.ProjectNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A user's projects: create, list, read, rename, delete. Someone else's is a 404. */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects")
class ProjectsController {

  private final Stores stores;
  private final Pipelines pipelines;
  private final ProjectKnowledge knowledge;
  private final Blocking blocking;
  private final AuditTrail audit;

  ProjectsController(
      Stores stores,
      Pipelines pipelines,
      ProjectKnowledge knowledge,
      Blocking blocking,
      AuditTrail audit) {
    this.stores = stores;
    this.pipelines = pipelines;
    this.knowledge = knowledge;
    this.blocking = blocking;
    this.audit = audit;
  }

  /** A project's name, as given when creating or renaming it. */
  record ProjectName(@NotBlank @Size(max = ProjectNames.MAX_LENGTH) String name) {}

  /** A project as clients see it. */
  record ProjectView(
      String id, String name, OffsetDateTime createdAt, OffsetDateTime updatedAt, String runs) {
    static ProjectView of(Project project) {
      return new ProjectView(
          project.id(),
          project.name(),
          project.createdAt(),
          project.updatedAt(),
          "/api/runs?project=" + project.id());
    }
  }

  /** One page of projects, the newest first. */
  record ProjectList(List<ProjectView> items, int limit, int offset) {}

  @PostMapping
  @Operation(summary = "Create a project")
  Mono<ResponseEntity<ProjectView>> create(
      @Valid @RequestBody ProjectName body, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(() -> stores.projects().create(user.id(), body.name()))
        .onErrorMap(ProjectsController::clientError)
        .map(
            project ->
                ResponseEntity.created(URI.create("/api/projects/" + project.id()))
                    .body(ProjectView.of(project)));
  }

  @GetMapping
  @Operation(summary = "List your projects, the newest first")
  Mono<ProjectList> list(
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int offset,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () ->
            new ProjectList(
                stores.projects().listOwned(user.id(), limit, offset).stream()
                    .map(ProjectView::of)
                    .toList(),
                limit,
                offset));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a project")
  Mono<ProjectView> get(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(() -> stores.projects().findOwned(user.id(), id).map(ProjectView::of))
        .flatMap(found -> Mono.justOrEmpty(found))
        .switchIfEmpty(Mono.error(() -> noSuchProject(id)));
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Rename a project")
  Mono<ProjectView> rename(
      @PathVariable String id, @Valid @RequestBody ProjectName body, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(() -> stores.projects().rename(user.id(), id, body.name()).map(ProjectView::of))
        .onErrorMap(ProjectsController::clientError)
        .flatMap(found -> Mono.justOrEmpty(found))
        .switchIfEmpty(Mono.error(() -> noSuchProject(id)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete a project",
      description =
          "Cancels its open runs, stops its deployments and removes its images; the project and"
              + " its runs and documents are gone for every client.")
  Mono<Void> delete(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .audited(
            () -> {
              Optional<Project> project = stores.projects().findOwned(user.id(), id);
              if (project.isEmpty()) {
                return false;
              }
              List<RunRecord> runs = stores.runs().runsOf(user.id(), id);
              boolean deleted = stores.projects().delete(user.id(), id);
              if (deleted) {
                // before retiring its runs: the project is gone even if that fails
                audit.record(
                    exchange,
                    user.id(),
                    AuditAction.PROJECT_DELETED,
                    new AuditTrail.Subject("project", id, id),
                    Map.of("name", project.get().name(), "runs", Integer.toString(runs.size())));
                pipelines.retire(id, runs);
                knowledge.forget(id);
              }
              return deleted;
            })
        .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(noSuchProject(id)));
  }

  static RuntimeException noSuchProject(String id) {
    return Problems.notFound("You have no project " + id);
  }

  private static Throwable clientError(Throwable failure) {
    if (failure instanceof DuplicateProjectException duplicate) {
      return Problems.conflict(duplicate.getMessage());
    }
    if (failure instanceof IllegalArgumentException bad) {
      return Problems.badRequest(bad.getMessage());
    }
    return failure;
  }
}

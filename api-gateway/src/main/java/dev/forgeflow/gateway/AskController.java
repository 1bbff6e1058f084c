package dev.forgeflow.gateway;

import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Questions about a project's generated code: the passages that answer them, with file, lines and
 * score, and a model's answer citing {@code file:line} when a model is configured.
 */
@RestController
@RequestMapping("/api/projects/{id}/ask")
@Tag(name = "Projects")
class AskController {

  /** The longest question taken. */
  static final int MAX_QUESTION = 2_000;

  private final Stores stores;
  private final ProjectKnowledge knowledge;
  private final Blocking blocking;
  private final PerUserLimit limit;

  AskController(
      Stores stores, ProjectKnowledge knowledge, Blocking blocking, PerUserLimit.PerUser limits) {
    this.stores = stores;
    this.knowledge = knowledge;
    this.blocking = blocking;
    this.limit = limits.questions();
  }

  /**
   * A question, and optionally which code it is about: a run of the project and a version of its
   * code (by default the project's newest run with code, and that run's newest version).
   */
  record Question(
      @NotBlank @Size(max = MAX_QUESTION) String question,
      @Size(max = 100) String runId,
      @Min(1) @Max(1_000_000) Integer version) {}

  @PostMapping
  @Operation(
      summary = "Ask a question about a project's code",
      description =
          "Retrieves the passages of the code that best match the question, with their file, line"
              + " range and score; with a model configured, also an answer citing file:line"
              + " ranges. 409 when the project has no generated code yet; 429 (with"
              + " Retry-After) past `questions-per-minute` questions a minute.")
  Mono<ProjectKnowledge.Answer> ask(
      @PathVariable String id, @Valid @RequestBody Question body, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    Optional<ErrorResponseException> refused = limit.refusal(user.id());
    if (refused.isPresent()) {
      return Mono.error(refused.get());
    }
    return blocking.call(() -> knowledge.ask(id, bundle(user, id, body), body.question().strip()));
  }

  private BundleVersion bundle(User user, String projectId, Question body) {
    stores
        .projects()
        .findOwned(user.id(), projectId)
        .orElseThrow(() -> ProjectsController.noSuchProject(projectId));
    List<RunRecord> runs;
    if (body.runId() != null) {
      RunRecord run = OwnedRuns.find(stores, user, body.runId());
      if (!projectId.equals(run.projectId())) {
        throw Problems.notFound("Project " + projectId + " has no run " + body.runId());
      }
      runs = List.of(run);
    } else {
      runs =
          stores.runs().runsOf(user.id(), projectId).stream()
              .sorted(Comparator.comparing(RunRecord::createdAt).reversed())
              .toList();
    }
    for (RunRecord run : runs) {
      Optional<BundleVersion> found =
          body.version() == null
              ? stores.bundles().latest(run.id())
              : stores.bundles().versions(run.id()).stream()
                  .filter(v -> Objects.equals(v.version(), body.version()))
                  .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (body.version() != null) {
        throw Problems.notFound("Run " + run.id() + " has no version " + body.version());
      }
    }
    throw Problems.conflict(
        "Project " + projectId + " has no generated code yet: ask once a run has written some");
  }
}

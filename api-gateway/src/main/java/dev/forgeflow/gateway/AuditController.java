package dev.forgeflow.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.store.audit.AuditEvent;
import dev.forgeflow.store.audit.AuditPage;
import dev.forgeflow.store.audit.AuditQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The caller's audit trail: what they did, and what happened in their projects, newest first. No
 * one reads anyone else's.
 */
@RestController
@Tag(name = "Audit")
class AuditController {

  private static final String ACTIONS =
      Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.joining(", "));

  private final Stores stores;
  private final Blocking blocking;

  AuditController(Stores stores, Blocking blocking) {
    this.stores = stores;
    this.blocking = blocking;
  }

  /**
   * One event of the trail.
   *
   * @param you whether the caller did it (otherwise it happened in one of their projects)
   * @param subjectFound whether the run or project it names is still there for the caller
   * @param detail a JSON object of a few strings
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AuditEventView(
      String id,
      OffsetDateTime occurredAt,
      String action,
      boolean you,
      String subjectType,
      String subjectId,
      String projectId,
      boolean subjectFound,
      @JsonRawValue String detail,
      String clientAddress) {}

  /** One page of the trail, newest first; {@code next} is the {@code before} of the next page. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AuditList(List<AuditEventView> items, String next) {}

  @GetMapping("/api/audit")
  @Operation(
      summary = "Read your audit trail, the newest first, page by page",
      description =
          "Sign-ins (and refused ones), API tokens created and revoked, runs created, cancelled"
              + " and decided at their approval gate, deployments started and stopped, projects"
              + " deleted: the events you did and those in your projects. A page ends with `next`"
              + " while older events remain: pass it as `before`.")
  Mono<AuditList> list(
      @Parameter(description = "page size, 1 to 200 (default 50)")
          @RequestParam(defaultValue = "50")
          @Min(1)
          @Max(AuditQuery.MAX_LIMIT)
          int limit,
      @Parameter(description = "the `next` of the previous page: only older events")
          @RequestParam(required = false)
          @Size(max = 20)
          String before,
      @Parameter(description = "only this action, such as run.created")
          @RequestParam(required = false)
          @Size(max = 64)
          String action,
      @Parameter(description = "only events in this project")
          @RequestParam(required = false)
          @Size(max = 64)
          String projectId,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return Mono.fromCallable(
            () -> new AuditQuery(user.id(), action(action), projectId, before(before), limit))
        .flatMap(query -> blocking.call(() -> view(user, stores.audit().trailOf(query))));
  }

  private static AuditAction action(String code) {
    if (code == null) {
      return null;
    }
    return AuditAction.ofCode(code)
        .orElseThrow(() -> Problems.badRequest("action: must be one of " + ACTIONS));
  }

  private static Long before(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      long id = Long.parseLong(cursor);
      if (id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException notOurs) {
      throw Problems.badRequest(
          "before: must be the next of a previous page, a positive whole number");
    }
  }

  /** Blocking: JDBC, to tell which runs and projects are still there. */
  private AuditList view(User user, AuditPage page) {
    Map<String, Boolean> found = new HashMap<>();
    List<AuditEventView> items =
        page.events().stream()
            .map(
                event ->
                    new AuditEventView(
                        Long.toString(event.id()),
                        event.occurredAt(),
                        event.action(),
                        user.id().equals(event.actorId()),
                        event.subjectType(),
                        event.subjectId(),
                        event.projectId(),
                        found.computeIfAbsent(
                            event.subjectType() + "/" + event.subjectId(),
                            key -> exists(user, event)),
                        event.detailJson(),
                        event.clientAddress()))
            .toList();
    return new AuditList(items, page.next() == null ? null : Long.toString(page.next()));
  }

  private boolean exists(User user, AuditEvent event) {
    if (event.subjectId() == null || event.subjectType() == null) {
      return false;
    }
    return switch (event.subjectType()) {
      case "run", "deployment" -> stores.runs().findOwned(user.id(), event.subjectId()).isPresent();
      case "project" -> stores.projects().findOwned(user.id(), event.subjectId()).isPresent();
      case "token" ->
          stores.accounts().tokens(user.id()).stream()
              .anyMatch(token -> token.id().equals(event.subjectId()));
      default -> false;
    };
  }
}

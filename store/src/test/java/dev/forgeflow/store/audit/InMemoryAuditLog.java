package dev.forgeflow.store.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

/** A fake {@link AuditLog} in memory, append-only like the table; thread-safe. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();
  private final BiPredicate<String, String> ownsProject;

  /**
   * @param ownsProject whether a user (first) owns a project (second), deleted or not
   */
  public InMemoryAuditLog(BiPredicate<String, String> ownsProject) {
    this.ownsProject = ownsProject;
  }

  @Override
  public synchronized AuditEvent record(NewAuditEvent event) {
    AuditEvent stored =
        new AuditEvent(
            events.size() + 1L,
            OffsetDateTime.now(ZoneOffset.UTC),
            event.actorId(),
            event.action().code(),
            event.subjectType(),
            event.subjectId(),
            event.projectId(),
            AuditDetail.json(event.detail()),
            event.clientAddress());
    events.add(stored);
    return stored;
  }

  @Override
  public synchronized AuditPage trailOf(AuditQuery query) {
    List<AuditEvent> rows =
        IntStream.range(0, events.size())
            .mapToObj(i -> events.get(events.size() - 1 - i))
            .filter(event -> concerns(query.viewerId(), event))
            .filter(e -> query.action() == null || query.action().code().equals(e.action()))
            .filter(e -> query.projectId() == null || query.projectId().equals(e.projectId()))
            .filter(e -> query.before() == null || e.id() < query.before())
            .limit(query.limit() + 1L)
            .toList();
    if (rows.size() <= query.limit()) {
      return new AuditPage(rows, null);
    }
    List<AuditEvent> page = rows.subList(0, query.limit());
    return new AuditPage(page, page.get(page.size() - 1).id());
  }

  private boolean concerns(String viewerId, AuditEvent event) {
    return viewerId.equals(event.actorId())
        || (event.projectId() != null && ownsProject.test(viewerId, event.projectId()));
  }
}

package dev.forgeflow.store.audit;

import java.util.List;

/**
 * One page of a trail, newest first.
 *
 * @param next the {@link AuditQuery#before()} that reads the following page, or {@code null} when
 *     this one is the last
 */
public record AuditPage(List<AuditEvent> events, Long next) {
  public AuditPage {
    events = List.copyOf(events);
  }
}

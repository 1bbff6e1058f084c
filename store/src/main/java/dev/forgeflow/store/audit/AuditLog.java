package dev.forgeflow.store.audit;

/**
 * The audit trail: append-only (the PostgreSQL table refuses every change and removal), read back
 * only by the users it concerns. An event outlives the users, projects and runs it names.
 */
public interface AuditLog {

  /** Appends an event, timed now, and answers it as stored. */
  AuditEvent record(NewAuditEvent event);

  /**
   * A page of the viewer's trail: the events they did and the events in their projects, never
   * anyone else's, newest first.
   */
  AuditPage trailOf(AuditQuery query);
}

package dev.forgeflow.store.audit;

import java.util.Objects;

/**
 * Which events of a user's trail to read, newest first, one page at a time: those the user did and
 * those in the user's projects (deleted ones included).
 *
 * @param viewerId whose trail
 * @param action only events of this action, or {@code null} for all
 * @param projectId only events in this project, or {@code null} for all
 * @param before only events older than the event with this id ({@link AuditPage#next()}), or {@code
 *     null} for the newest
 * @param limit the page's size, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(
    String viewerId, AuditAction action, String projectId, Long before, int limit) {

  public static final int MAX_LIMIT = 200;

  public AuditQuery {
    Objects.requireNonNull(viewerId, "viewerId");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_LIMIT + " events");
    }
  }
}

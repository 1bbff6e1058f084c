package dev.forgeflow.store.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event to append to the audit trail.
 *
 * @param actorId who did it; {@code null} only for a refused sign-in that named no user
 * @param action what they did
 * @param subjectType what kind of object it was done to ({@code run}, {@code project}, {@code
 *     token}, {@code user}, {@code deployment}), or {@code null}
 * @param subjectId which one, or {@code null}
 * @param projectId the project it happened in, or {@code null}
 * @param detail a few words about it (at most {@value #MAX_DETAIL_ENTRIES} entries, each value cut
 *     at {@value #MAX_DETAIL_VALUE} characters), never a secret
 * @param clientAddress the address the request came from, or {@code null} when unknown
 */
public record NewAuditEvent(
    String actorId,
    AuditAction action,
    String subjectType,
    String subjectId,
    String projectId,
    Map<String, String> detail,
    String clientAddress) {

  public static final int MAX_DETAIL_ENTRIES = 16;
  public static final int MAX_DETAIL_VALUE = 200;

  public NewAuditEvent {
    Objects.requireNonNull(action, "action");
    Map<String, String> kept = new LinkedHashMap<>();
    if (detail != null) {
      detail.entrySet().stream()
          .filter(entry -> entry.getKey() != null && entry.getValue() != null)
          .limit(MAX_DETAIL_ENTRIES)
          .forEach(entry -> kept.put(entry.getKey(), cut(entry.getValue())));
    }
    detail = Collections.unmodifiableMap(kept);
  }

  private static String cut(String value) {
    return value.length() <= MAX_DETAIL_VALUE ? value : value.substring(0, MAX_DETAIL_VALUE) + "…";
  }
}

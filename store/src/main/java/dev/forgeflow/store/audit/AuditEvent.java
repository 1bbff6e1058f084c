package dev.forgeflow.store.audit;

import java.time.OffsetDateTime;

/**
 * An event of the audit trail as stored.
 *
 * @param id increasing in the order events were appended
 * @param action the stored name of what was done ({@link AuditAction#code()})
 * @param detailJson a JSON object of a few strings
 */
public record AuditEvent(
    long id,
    OffsetDateTime occurredAt,
    String actorId,
    String action,
    String subjectType,
    String subjectId,
    String projectId,
    String detailJson,
    String clientAddress) {}

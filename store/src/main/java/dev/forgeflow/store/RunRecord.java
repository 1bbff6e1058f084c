package dev.forgeflow.store;

import java.time.OffsetDateTime;

/**
 * A stored run. JSON columns come back as JSON text with the same content as was stored, not
 * necessarily the same spacing or key order. {@code ownerId} is {@code null} for a run without
 * owner (created before accounts existed, or by a caller that has none), {@code projectId} for a
 * run outside any project.
 */
public record RunRecord(
    String id,
    String prompt,
    String status,
    String projectName,
    String optionsJson,
    String resultJson,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String ownerId,
    String projectId) {}

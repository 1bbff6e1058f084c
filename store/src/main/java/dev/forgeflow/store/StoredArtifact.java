package dev.forgeflow.store;

import java.time.OffsetDateTime;

/**
 * An artifact a run produced, such as its charter or a review report.
 *
 * @param kind what the artifact is, e.g. {@code charter}; several of a kind may exist per run
 * @param json the artifact as a JSON document
 */
public record StoredArtifact(
    String id, String runId, String kind, String json, OffsetDateTime createdAt) {}

package dev.forgeflow.store.projects;

import java.time.OffsetDateTime;

/** A user's project: what they build, run after run. */
public record Project(
    String id, String ownerId, String name, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

package dev.forgeflow.store;

import java.time.OffsetDateTime;

/**
 * One event of a run's journal.
 *
 * @param seq the event's position in its run: 1, 2, 3 ... with no gaps
 * @param attempt the attempt of the activity that wrote it (1 for a first try)
 */
public record JournalEvent(
    String runId,
    long seq,
    String type,
    String payloadJson,
    int attempt,
    OffsetDateTime createdAt) {}

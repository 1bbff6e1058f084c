package dev.forgeflow.store.projects;

import java.time.OffsetDateTime;

/**
 * A document attached to a project, without its text.
 *
 * @param mediaType {@code text/plain}, {@code text/markdown} or {@code application/pdf}
 * @param bytes the uploaded file's size
 * @param pages how many pages its text has (1 for plain text and markdown)
 * @param chars the characters of its extracted text
 * @param chunks how many passages it was indexed as
 */
public record ProjectDocument(
    String id,
    String projectId,
    String name,
    String mediaType,
    int bytes,
    String sha256,
    int pages,
    int chars,
    int chunks,
    OffsetDateTime createdAt) {}

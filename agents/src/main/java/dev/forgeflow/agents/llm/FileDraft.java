package dev.forgeflow.agents.llm;

/**
 * A file the Implementer's model wrote: its project-relative path and its whole content.
 *
 * @param path project-relative path, e.g. {@code app/routers/books.py}
 * @param content the complete file content
 */
public record FileDraft(String path, String content) {}

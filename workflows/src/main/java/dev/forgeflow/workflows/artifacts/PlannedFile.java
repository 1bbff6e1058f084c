package dev.forgeflow.workflows.artifacts;

/**
 * One file of the Architecture agent's file plan.
 *
 * @param path project-relative path, e.g. {@code app/routers/books.py}
 * @param purpose what the file is for
 * @param publicInterface what the file offers its siblings (classes, functions, router prefix)
 */
public record PlannedFile(String path, String purpose, String publicInterface) {}

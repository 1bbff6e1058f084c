package dev.forgeflow.workflows.sandbox;

/**
 * One failed check.
 *
 * @param check which check: {@code compile}, {@code import}, {@code pytest}, {@code start}, or a
 *     probe check such as {@code books.create}
 * @param file the project file a traceback names (null when none does)
 * @param line 1-based line in that file, 0 when unknown
 */
public record CheckFailure(String check, String file, int line, String message) {}

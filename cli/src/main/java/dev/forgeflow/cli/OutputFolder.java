package dev.forgeflow.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before a run starts, that the project can be written where {@code --out} says. */
final class OutputFolder {
  private OutputFolder() {}

  /**
   * Throws if {@code out} is a file, lies under one, or cannot be written; creates nothing that
   * stays.
   *
   * @throws CliProblem saying which, and what to do
   */
  static void check(Path out) {
    Path folder = out.toAbsolutePath().normalize();
    Path existing = folder;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw CliProblem.badInput(
          "--out "
              + folder
              + " cannot be a folder: "
              + (existing == null ? "no part of it exists" : existing + " is a file")
              + ". Choose a folder for the project.");
    }
    try {
      Files.delete(Files.createTempFile(existing, ".forgeflow-write-check", ""));
    } catch (AccessDeniedException denied) {
      throw CliProblem.environment(
          "No permission to write under "
              + existing
              + " (--out "
              + folder
              + "). Choose another --out folder or fix its permissions.");
    } catch (IOException e) {
      throw CliProblem.environment(
          "Cannot write under "
              + existing
              + " ("
              + DataDir.reason(e)
              + "). Choose another --out folder.");
    }
  }
}

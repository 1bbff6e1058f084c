package dev.forgeflow.sandbox.check;

/** A place in a project file: path relative to the project root, 1-based line. */
record SourceLine(String file, int line) {}

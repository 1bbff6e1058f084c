package dev.forgeflow.agents.validate;

/** A problem a source scanner found on a 1-based line. */
record SourceFinding(int line, String message) {}

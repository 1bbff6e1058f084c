package dev.forgeflow.workflows.artifacts;

/** How much a review issue matters; {@link #blocks()} says whether it prevents approval. */
public enum Severity {
  BLOCKER,
  MAJOR,
  MINOR,
  INFO;

  public boolean blocks() {
    return this == BLOCKER || this == MAJOR;
  }
}

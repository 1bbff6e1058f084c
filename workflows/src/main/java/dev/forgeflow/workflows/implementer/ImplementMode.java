package dev.forgeflow.workflows.implementer;

/** Write a planned file from scratch, patch it after a review, or rewrite it after a stuck loop. */
public enum ImplementMode {
  CREATE,
  PATCH,
  REWRITE
}

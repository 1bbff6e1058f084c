package dev.forgeflow.workflows.implementer;

import dev.forgeflow.workflows.artifacts.Usage;

/**
 * A file the Implementer wrote into the content store, or refused to write.
 *
 * @param sha256 the content hash (null when rejected)
 * @param rejection why the file was not written (a path outside the project, say), else null
 */
public record ImplementedFile(
    String path, String sha256, int bytes, String rejection, Usage usage) {
  public boolean written() {
    return rejection == null;
  }
}

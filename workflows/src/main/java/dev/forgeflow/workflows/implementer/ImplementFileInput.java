package dev.forgeflow.workflows.implementer;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import java.util.List;

/**
 * One file to write.
 *
 * @param baseBundleId the bundle being patched (null in {@link ImplementMode#CREATE})
 * @param instructions the review's findings and patch requests for this file (empty on create)
 */
public record ImplementFileInput(
    String runId,
    String charterId,
    String architectureId,
    PlannedFile file,
    ImplementMode mode,
    String baseBundleId,
    List<String> instructions,
    int round,
    String model) {
  public ImplementFileInput {
    instructions = List.copyOf(instructions);
  }
}

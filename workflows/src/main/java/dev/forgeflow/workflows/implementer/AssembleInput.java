package dev.forgeflow.workflows.implementer;

import java.util.List;

/** New files on top of {@code baseBundleId} (null: a first version) make the next version. */
public record AssembleInput(String runId, String baseBundleId, List<ImplementedFile> files) {
  public AssembleInput {
    files = List.copyOf(files);
  }
}

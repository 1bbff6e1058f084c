package dev.forgeflow.workflows.architecture;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.Usage;
import java.util.List;

/** The stored architecture's id and its file plan, which the workflow fans out over. */
public record ArchitectureResult(String architectureId, List<PlannedFile> filePlan, Usage usage) {
  public ArchitectureResult {
    filePlan = List.copyOf(filePlan);
  }
}

package dev.forgeflow.agents.implementer;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.implementer.ImplementMode;
import java.util.List;

/**
 * Everything a drafter needs to write one file.
 *
 * @param previous the file's content in the bundle being patched, or null
 * @param patterns the knowledge base's patterns retrieved for the project, as markdown
 */
public record FileTask(
    String runId,
    ProjectCharter charter,
    SystemArchitecture architecture,
    PlannedFile file,
    ImplementMode mode,
    String previous,
    List<String> instructions,
    String model,
    String patterns) {}

package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders every planned file of a project, in memory or into a directory. */
final class GeneratedProject {
  private GeneratedProject() {}

  static Map<String, String> render(
      OfflinePlanner planner, ProjectCharter charter, SystemArchitecture architecture) {
    Map<String, String> files = new LinkedHashMap<>();
    for (PlannedFile file : architecture.filePlan()) {
      files.put(file.path(), planner.render(file, charter, architecture));
    }
    return files;
  }

  /** Plans the prompt's project and writes all its files under {@code dir}. */
  static Map<String, String> write(String prompt, Path dir) throws IOException {
    OfflinePlanner planner = new OfflinePlanner();
    ProjectCharter charter = planner.charter(prompt);
    Map<String, String> files = render(planner, charter, planner.architecture(charter, null));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent() == null ? dir : target.getParent());
      Files.writeString(target, file.getValue());
    }
    return files;
  }
}

package dev.forgeflow.orchestrator.export;

import dev.forgeflow.agents.support.ProjectNames;
import dev.forgeflow.agents.validate.ProjectPaths;
import dev.forgeflow.store.BundleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes a bundle version to {@code <root>/<project-name>/}. A folder that an earlier export wrote
 * (it holds the {@value #MARKER} marker) is replaced; any other existing folder is left alone and
 * the export goes to {@code <project-name>-<run prefix>} instead. Every path is checked again
 * against the folder before anything is written.
 */
@Component
public class ProjectExport {
  static final String MARKER = ".forgeflow-export";
  private final BundleStore bundles;

  public ProjectExport(dev.forgeflow.store.Stores stores) {
    this.bundles = stores.bundles();
  }

  public Path export(String bundleId, Path root, String projectName, String runId) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : bundles.files(bundleId).entrySet()) {
      files.put(file.getKey(), bundles.blob(file.getValue()));
    }
    return write(files, root, projectName, runId);
  }

  /**
   * Writes a run's files (path to content) as a project folder under {@code root}, named after the
   * project, or after the project and run when a folder of that name that is not an earlier export
   * is in the way; every path confined to the folder.
   *
   * @return the folder
   * @throws IllegalArgumentException if a path would leave the folder
   */
  public static Path write(Map<String, byte[]> files, Path root, String projectName, String runId) {
    Path target = target(root, ProjectNames.sanitize(projectName), runId);
    try {
      clear(target);
      Files.createDirectories(target);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path path = ProjectPaths.resolveInside(target, file.getKey());
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
      Files.writeString(target.resolve(MARKER), runId + "\n");
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the project to " + target, e);
    }
  }

  private static Path target(Path root, String name, String runId) {
    Path preferred = root.resolve(name);
    if (!Files.exists(preferred) || Files.exists(preferred.resolve(MARKER))) {
      return preferred;
    }
    return root.resolve(name + "-" + runId.substring(0, Math.min(8, runId.length())));
  }

  private static void clear(Path target) throws IOException {
    if (!Files.exists(target.resolve(MARKER))) {
      return;
    }
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

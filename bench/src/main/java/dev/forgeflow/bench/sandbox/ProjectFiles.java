package dev.forgeflow.bench.sandbox;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project's files as the offline planner renders them, and variants of them that differ in one
 * comment line: the same service, but content the image build cache has not seen.
 *
 * @param name the charter's project name
 * @param files path to content
 */
record ProjectFiles(String name, SortedMap<String, byte[]> files) {

  /** The file every variant changes: the service's entry point. */
  static final String VARIED = "app/main.py";

  ProjectFiles {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** Every file of the plan the offline planner makes for {@code prompt}, rendered. */
  static ProjectFiles plan(String prompt) {
    OfflinePlanner planner = new OfflinePlanner();
    ProjectCharter charter = planner.charter(prompt);
    SystemArchitecture architecture = planner.architecture(charter, null);
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (PlannedFile file : architecture.filePlan()) {
      String text = planner.render(file, charter, architecture);
      files.put(file.path(), text.getBytes(StandardCharsets.UTF_8));
    }
    return new ProjectFiles(charter.name(), files);
  }

  /** These files with the comment {@code # variant <n>} appended to {@link #VARIED}. */
  ProjectFiles variant(int n) {
    byte[] varied = files.get(VARIED);
    if (varied == null) {
      throw new IllegalStateException("The project has no " + VARIED);
    }
    String text = new String(varied, StandardCharsets.UTF_8);
    String suffix = (text.endsWith("\n") ? "" : "\n") + "# variant " + n + "\n";
    SortedMap<String, byte[]> changed = new TreeMap<>(files);
    changed.put(VARIED, (text + suffix).getBytes(StandardCharsets.UTF_8));
    return new ProjectFiles(name, changed);
  }
}

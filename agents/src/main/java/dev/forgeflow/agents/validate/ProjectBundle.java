package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the rules look at: the files of a generated project (in path order), its Python files
 * already scanned, the architecture it was planned from and the runtime it must run on.
 */
record ProjectBundle(
    Map<String, String> files,
    Map<String, PythonSource> python,
    SystemArchitecture architecture,
    RuntimeProfile profile) {

  static ProjectBundle of(
      Map<String, String> files, SystemArchitecture architecture, RuntimeProfile profile) {
    Map<String, String> sorted = new TreeMap<>();
    files.forEach((path, content) -> sorted.put(path, Objects.requireNonNullElse(content, "")));
    Map<String, PythonSource> python = new TreeMap<>();
    sorted.forEach(
        (path, content) -> {
          if (path.endsWith(".py")) {
            python.put(path, PythonSource.parse(content));
          }
        });
    return new ProjectBundle(
        Collections.unmodifiableMap(sorted),
        Collections.unmodifiableMap(python),
        Objects.requireNonNull(architecture, "architecture"),
        Objects.requireNonNull(profile, "profile"));
  }

  /** Paths of the file plan, as the architecture wrote them. */
  List<String> plannedPaths() {
    return architecture.filePlan().stream().map(PlannedFile::path).toList();
  }

  /**
   * Top-level modules the project itself provides: the first directory of each Python file ({@code
   * app}, {@code tests}) or a top-level module's name ({@code conftest}), from the bundle and the
   * plan alike.
   */
  Set<String> ownModules() {
    Set<String> own = new TreeSet<>();
    Stream.concat(files.keySet().stream(), plannedPaths().stream())
        .map(ProjectPaths::check)
        .filter(PathVerdict::ok)
        .map(PathVerdict::normalized)
        .filter(path -> path.endsWith(".py"))
        .forEach(path -> own.add(topLevel(path)));
    return own;
  }

  private static String topLevel(String path) {
    int slash = path.indexOf('/');
    return slash >= 0 ? path.substring(0, slash) : path.substring(0, path.length() - 3);
  }
}

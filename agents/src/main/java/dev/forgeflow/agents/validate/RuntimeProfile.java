package dev.forgeflow.agents.validate;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the sandbox image can run: its Python version, the packages installed in it and the
 * top-level modules they make importable, and the names of the standard library's modules.
 *
 * <p>The bundled profile describes the default sandbox image; a sandbox image writes its own
 * profile as JSON at build time, read back with {@link #fromJson(String)}.
 *
 * @param python the Python version, e.g. {@code 3.11}
 * @param packages installed distribution name to version
 * @param modules importable top-level modules the packages provide
 * @param stdlib top-level modules of the standard library
 */
public record RuntimeProfile(
    String python, Map<String, String> packages, Set<String> modules, Set<String> stdlib) {

  static final String RESOURCE = "runtime-profile.json";

  public RuntimeProfile {
    if (python == null || python.isBlank()) {
      throw new IllegalArgumentException("runtime profile names no Python version");
    }
    packages = Collections.unmodifiableMap(new TreeMap<>(packages));
    modules = Collections.unmodifiableSet(new TreeSet<>(modules));
    stdlib = Collections.unmodifiableSet(new TreeSet<>(stdlib));
  }

  /** The profile of the default sandbox image, shipped as a resource of this package. */
  public static RuntimeProfile bundled() {
    return RuntimeProfileJson.BUNDLED;
  }

  /**
   * Reads a profile written as {@code {"python": "3.11", "packages": {"fastapi": "0.115.6"},
   * "modules": ["fastapi"], "stdlib": ["os", ...]}}. When {@code modules} is absent, each package
   * name (lower case, dashes as underscores) is taken as its module.
   *
   * @throws IllegalArgumentException if the text is not such a profile
   */
  public static RuntimeProfile fromJson(String json) {
    return RuntimeProfileJson.parse(json);
  }

  /** Whether code may import {@code module} (a dotted name is judged by its first part). */
  public boolean allows(String module) {
    if (module == null || module.isBlank()) {
      return false;
    }
    String top = module.strip().split("\\.", -1)[0];
    return modules.contains(top) || stdlib.contains(top);
  }

  /** A one-line summary for prompts: {@code Python 3.11; packages: fastapi 0.115.6, ...}. */
  public String describe() {
    String listed =
        packages.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return "Python " + python + "; packages: " + listed + "; standard library";
  }
}

package dev.forgeflow.agents.offline;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which names may become Python identifiers in the generated project, and why others may not. */
final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> KEYWORDS = ClasspathText.words("python-keywords");
  private static final Set<String> FIELDS = ClasspathText.words("reserved-field-names");
  private static final Set<String> CLASSES = ClasspathText.words("reserved-class-names");

  private Identifiers() {}

  /** Why a snake_case field name cannot be used, or empty when it can. */
  static Optional<String> fieldProblem(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      return Optional.of("'" + name + "' is not a valid field name");
    }
    if (KEYWORDS.contains(name)) {
      return Optional.of("'" + name + "' is a Python keyword; rename the field");
    }
    if (FIELDS.contains(name) || name.startsWith("model_") || name.startsWith("sa_")) {
      return Optional.of("'" + name + "' is reserved by the generated models; rename the field");
    }
    return Optional.empty();
  }

  /** Why a resource (its plural snake_case and its class name) cannot be used, or empty. */
  static Optional<String> resourceProblem(String plural, String className) {
    if (!IDENTIFIER.matcher(plural).matches()) {
      return Optional.of("'" + plural + "' is not a valid resource name");
    }
    if (KEYWORDS.contains(plural)) {
      return Optional.of("'" + plural + "' is a Python keyword; rename the resource");
    }
    if (CLASSES.contains(className)) {
      return Optional.of(
          "the resource '"
              + plural
              + "' would be named "
              + className
              + ", which clashes with a"
              + " name the generated code uses; rename the resource");
    }
    return Optional.empty();
  }
}

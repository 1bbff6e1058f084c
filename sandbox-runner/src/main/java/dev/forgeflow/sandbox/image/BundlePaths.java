package dev.forgeflow.sandbox.image;

/** The rule a bundle path must pass before it enters a build context. */
final class BundlePaths {

  private BundlePaths() {}

  /**
   * The path, if it is relative, uses forward slashes and has no empty, {@code .} or {@code ..}
   * segment; otherwise throws {@link IllegalArgumentException} naming it.
   */
  static String checked(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("A bundle path is blank");
    }
    if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException("A bundle path must be relative: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "A bundle path must not hold '" + segment + "': " + path);
      }
    }
    if (path.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("A bundle path holds a control character: " + path);
    }
    return path;
  }
}

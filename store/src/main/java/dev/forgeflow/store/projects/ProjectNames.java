package dev.forgeflow.store.projects;

/** What a project's name may be: 1 to 100 characters of text, no control characters. */
public final class ProjectNames {

  /** The longest name accepted, in characters. */
  public static final int MAX_LENGTH = 100;

  private ProjectNames() {}

  /**
   * The name without surrounding blanks.
   *
   * @throws IllegalArgumentException with a message for the client if it is not a name
   */
  public static String checked(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A project needs a name");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A project's name has at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException("A project's name cannot hold control characters");
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < stripped.length()
              && Character.isLowSurrogate(stripped.charAt(++i)))) {
        throw new IllegalArgumentException("A project's name must be valid Unicode text");
      }
    }
    return stripped;
  }
}

package dev.forgeflow.gateway;

import java.util.regex.Pattern;

/**
 * Which bundle version of a run a request names: a version number (1, 2, ...) or {@code latest}.
 *
 * @param number the version number, 0 for the latest
 */
record VersionSelector(int number) {

  static final String LATEST = "latest";
  static final String DESCRIPTION = "a version number (1, 2, ...) or latest";

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

  /**
   * Reads a path or query parameter.
   *
   * @throws org.springframework.web.ErrorResponseException a 400 problem naming the parameter
   */
  static VersionSelector parse(String parameter, String value) {
    if (LATEST.equals(value)) {
      return new VersionSelector(0);
    }
    if (value == null || !NUMBER.matcher(value).matches()) {
      throw Problems.badRequest(parameter + ": must be " + DESCRIPTION);
    }
    return new VersionSelector(Integer.parseInt(value));
  }

  boolean latest() {
    return number == 0;
  }

  @Override
  public String toString() {
    return latest() ? LATEST : Integer.toString(number);
  }
}

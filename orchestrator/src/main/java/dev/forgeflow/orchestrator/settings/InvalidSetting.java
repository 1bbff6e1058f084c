package dev.forgeflow.orchestrator.settings;

/**
 * A setting Forgeflow cannot start with. Its message is the whole report, one line naming the
 * variable, what is wrong and what is expected, never a secret's value; it carries no cause, so
 * nothing else about the value travels with it.
 */
public final class InvalidSetting extends RuntimeException {
  private final String variable;

  InvalidSetting(String variable, String line) {
    super(line, null, false, false);
    this.variable = variable;
  }

  /** The environment variable that is wrong. */
  public String variable() {
    return variable;
  }
}

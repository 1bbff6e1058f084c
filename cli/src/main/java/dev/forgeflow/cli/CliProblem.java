package dev.forgeflow.cli;

/**
 * A failure already explained for the user: one or two sentences saying what went wrong and what to
 * do, and the exit code. It carries no stack trace; nothing prints one.
 */
final class CliProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  private CliProblem(int exitCode, String sentence) {
    super(sentence, null, false, false);
    this.exitCode = exitCode;
  }

  static CliProblem badInput(String sentence) {
    return new CliProblem(ExitCodes.BAD_INPUT, sentence);
  }

  static CliProblem notFound(String sentence) {
    return new CliProblem(ExitCodes.NOT_FOUND, sentence);
  }

  static CliProblem environment(String sentence) {
    return new CliProblem(ExitCodes.ENVIRONMENT, sentence);
  }

  static CliProblem cancelled(String sentence) {
    return new CliProblem(ExitCodes.CANCELLED, sentence);
  }

  int exitCode() {
    return exitCode;
  }
}

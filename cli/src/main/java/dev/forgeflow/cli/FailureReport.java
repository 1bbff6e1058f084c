package dev.forgeflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The CLI's one exception handler: whatever fails ends in a sentence or two on standard error
 * saying what went wrong and what to do, and a distinct exit code ({@link ExitCodes}). Stack traces
 * go to {@code <data dir>/logs/cli-errors.log}, never to the terminal.
 */
final class FailureReport implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintStream err;

  FailureReport(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleParseException(ParameterException bad, String[] args) {
    String command = bad.getCommandLine().getCommandSpec().qualifiedName();
    return print(
        new Explanations.Explained(
            ExitCodes.BAD_INPUT,
            Explanations.sentence(bad.getMessage())
                + " Run '"
                + command
                + " --help' to see what it accepts."));
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    return report(failure);
  }

  /** Prints the explanation of {@code failure}; its exit code. */
  int report(Throwable failure) {
    Explanations.Explained explained = Explanations.explain(failure);
    if (explained.exitCode() == ExitCodes.FAILED) {
      Path log = keepTrace(failure);
      return print(
          new Explanations.Explained(
              ExitCodes.FAILED,
              explained.sentence() + (log == null ? "" : " The details are in " + log + ".")));
    }
    return print(explained);
  }

  private int print(Explanations.Explained explained) {
    err.println("forgeflow: " + TerminalText.clean(explained.sentence()));
    err.flush();
    return explained.exitCode();
  }

  /** Appends the stack trace to the data dir's error log, when there is a data dir; its path. */
  static Path keepTrace(Throwable failure) {
    Path dir = DataDir.location();
    if (!Files.isDirectory(dir)) {
      return null;
    }
    Path log = dir.resolve("logs").resolve("cli-errors.log");
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          Instant.now() + "\n" + trace + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return log;
    } catch (IOException unwritable) {
      return null;
    }
  }
}

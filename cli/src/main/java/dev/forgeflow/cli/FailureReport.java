package dev.forgeflow.cli;

import com.github.dockerjava.api.exception.DockerException;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
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
  private static final Pattern DOCKER_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");
  private final PrintStream err;

  FailureReport(PrintStream err) {
    this.err = err;
  }

  /** What to tell the user about a failure, and the exit code. */
  record Explained(int exitCode, String sentence) {}

  @Override
  public int handleParseException(ParameterException bad, String[] args) {
    String command = bad.getCommandLine().getCommandSpec().qualifiedName();
    return print(
        new Explained(
            ExitCodes.BAD_INPUT,
            sentence(bad.getMessage()) + " Run '" + command + " --help' to see what it accepts."));
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    return report(failure);
  }

  /** Prints the explanation of {@code failure}; its exit code. */
  int report(Throwable failure) {
    Explained explained = explain(failure);
    if (explained.exitCode() == ExitCodes.FAILED) {
      Path log = keepTrace(failure);
      return print(
          new Explained(
              ExitCodes.FAILED,
              explained.sentence() + (log == null ? "" : " The details are in " + log + ".")));
    }
    return print(explained);
  }

  static Explained explain(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      Explained known = known(cause);
      if (known != null) {
        return known;
      }
    }
    return new Explained(
        ExitCodes.FAILED, "Forgeflow stopped on an unexpected error: " + brief(failure) + ".");
  }

  private static Explained known(Throwable cause) {
    if (cause instanceof CliProblem problem) {
      return new Explained(problem.exitCode(), problem.getMessage());
    }
    if (cause instanceof IllegalArgumentException bad
        && bad.getMessage() != null
        && bad.getMessage().startsWith("FORGEFLOW_")) {
      return new Explained(
          ExitCodes.BAD_INPUT, sentence(bad.getMessage()) + " Fix the variable and run again.");
    }
    if (cause instanceof BindException bind) {
      String variable =
          bind.getName().toString().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      return new Explained(
          ExitCodes.BAD_INPUT,
          variable
              + " has a value Forgeflow cannot use ("
              + brief(bind)
              + "). Fix it and run again.");
    }
    if (cause instanceof DockerUnavailable unavailable) {
      return new Explained(ExitCodes.ENVIRONMENT, unavailable.getMessage());
    }
    if (cause instanceof DockerException refused) {
      return docker(refused);
    }
    if (cause instanceof AccessDeniedException denied) {
      return new Explained(
          ExitCodes.ENVIRONMENT,
          "No permission to use "
              + denied.getFile()
              + ". Fix its permissions, or run as a user who may.");
    }
    if (cause instanceof FileSystemException fs) {
      return new Explained(
          ExitCodes.ENVIRONMENT,
          "Could not use "
              + fs.getFile()
              + " ("
              + DataDir.reason(fs)
              + "). Check that it can be written.");
    }
    if (cause instanceof IllegalStateException busy
        && busy.getMessage() != null
        && busy.getMessage().contains("in use by another running process")) {
      return new Explained(ExitCodes.ENVIRONMENT, busy.getMessage());
    }
    return null;
  }

  private static Explained docker(DockerException refused) {
    Matcher message = DOCKER_MESSAGE.matcher(String.valueOf(refused.getMessage()));
    String said = message.find() ? message.group(1) : brief(refused);
    int status = refused.getHttpStatus();
    if (status == 401 || status == 403) {
      return new Explained(
          ExitCodes.ENVIRONMENT,
          "The Docker daemon refused the request (HTTP "
              + status
              + ": "
              + said
              + "). Check that this user may use Docker, or point DOCKER_HOST at a daemon that allows it.");
    }
    return new Explained(
        ExitCodes.ENVIRONMENT,
        "The Docker daemon could not do it (HTTP " + status + ": " + said + ").");
  }

  /** A failure's message in one short line, fit for a terminal. */
  static String brief(Throwable failure) {
    Throwable root = failure;
    while (next(root) != null) {
      root = next(root);
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getMessage();
    }
    if (message == null || message.isBlank()) {
      return "no message";
    }
    String line = TerminalText.clean(message).replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    return cause == t ? null : cause;
  }

  private static String sentence(String text) {
    String line = TerminalText.clean(text).replaceAll("\\s+", " ").strip();
    if (line.isEmpty()) {
      return line;
    }
    line = Character.toUpperCase(line.charAt(0)) + line.substring(1);
    return line.endsWith(".") ? line : line + ".";
  }

  private int print(Explained explained) {
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

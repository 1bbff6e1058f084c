package dev.forgeflow.cli;

import com.github.dockerjava.api.exception.DockerException;
import dev.forgeflow.orchestrator.settings.InvalidSetting;
import dev.forgeflow.orchestrator.settings.SettingProblems;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import dev.forgeflow.store.DataDirectoryInUse;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;

/**
 * What to tell the user about a failure: the first cause along its chain that Forgeflow knows how
 * to explain (bad input, the machine in the way), else an unexpected error in one line.
 */
final class Explanations {
  private static final Pattern DOCKER_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

  private Explanations() {}

  /** A sentence or two for the user, and the exit code. */
  record Explained(int exitCode, String sentence) {}

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
    if (cause instanceof InvalidSetting invalid) {
      return new Explained(ExitCodes.BAD_INPUT, invalid.getMessage());
    }
    if (cause instanceof BindException bind) {
      return SettingProblems.describe(bind)
          .map(invalid -> new Explained(ExitCodes.BAD_INPUT, invalid.getMessage()))
          .orElseGet(
              () ->
                  new Explained(
                      ExitCodes.BAD_INPUT,
                      bind.getName() + " has a value Forgeflow cannot use. Fix it and run again."));
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
    if (cause instanceof DataDirectoryInUse busy) {
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

  static String sentence(String text) {
    String line = TerminalText.clean(text).replaceAll("\\s+", " ").strip();
    if (line.isEmpty()) {
      return line;
    }
    line = Character.toUpperCase(line.charAt(0)) + line.substring(1);
    return line.endsWith(".") ? line : line + ".";
  }
}

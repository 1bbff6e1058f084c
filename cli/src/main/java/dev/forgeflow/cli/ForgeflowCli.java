package dev.forgeflow.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code forgeflow <command>}: the entry point of the executable jar. */
@Command(
    name = "forgeflow",
    mixinStandardHelpOptions = true,
    version = "forgeflow 0.1.0",
    description = "Turns a plain-language description of a backend service into a working one.",
    subcommands = {
      RunCommand.class,
      RunsCommand.class,
      ResumeCommand.class,
      SandboxCommands.ListDeployments.class,
      SandboxCommands.Logs.class,
      SandboxCommands.Stop.class,
      AttackCommand.class,
      ServeCommand.class,
      LoginCommand.class,
      RunCommands.Show.class,
      RunCommands.Approve.class,
      RunCommands.RequestChanges.class,
      RunCommands.Cancel.class,
      RunCommands.FilesList.class,
      RunCommands.Diff.class,
      RunCommands.Download.class,
      DocsCommands.class,
      WebhooksCommands.class,
      AskCommand.class
    })
public final class ForgeflowCli implements Runnable {

  public static void main(String[] args) {
    quietLibraryLogs();
    FailureReport report = new FailureReport(System.err);
    // a thread that dies leaves its trace in the error log, not on the terminal
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> FailureReport.keepTrace(failure));
    int exit;
    try {
      exit = execute(report, args);
    } catch (Throwable failure) {
      exit = report.report(failure);
    }
    System.exit(exit);
  }

  /**
   * Libraries (the Docker client's HTTP retries, say) log to the console when nothing configures
   * logging, which only {@code run}'s stack does; the terminal is for Forgeflow's own sentences.
   */
  private static void quietLibraryLogs() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.OFF);
    }
  }

  static int execute(FailureReport report, String... args) {
    return new CommandLine(new ForgeflowCli())
        .setParameterExceptionHandler(report)
        .setExecutionExceptionHandler(report)
        .execute(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}

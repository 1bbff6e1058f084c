package dev.forgeflow.cli;

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
      SandboxCommands.ListDeployments.class,
      SandboxCommands.Logs.class,
      SandboxCommands.Stop.class
    })
public final class ForgeflowCli implements Runnable {

  public static void main(String[] args) {
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

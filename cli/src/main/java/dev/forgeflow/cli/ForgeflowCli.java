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
    System.exit(execute(args));
  }

  static int execute(String... args) {
    return new CommandLine(new ForgeflowCli()).execute(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}

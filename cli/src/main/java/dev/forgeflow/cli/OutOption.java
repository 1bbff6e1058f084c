package dev.forgeflow.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR}: where the commands that follow a run write its project. */
final class OutOption {
  @Option(
      names = "--out",
      defaultValue = "generated",
      description = "Folder the project is written under.")
  Path out;
}

package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from the CLI: sentences, never a stack trace. */
final class CliOutput {
  private CliOutput() {}

  static void assertNoStackTrace(String output) {
    assertThat(output)
        .as("what the CLI printed")
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("Caused by");
  }
}

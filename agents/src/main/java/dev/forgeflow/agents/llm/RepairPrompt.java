package dev.forgeflow.agents.llm;

/** The follow-up message that shows the model its unusable output and why it was rejected. */
final class RepairPrompt {
  private static final int MAX_ECHO = 20_000;

  private RepairPrompt() {}

  static String of(String originalUser, String badOutput, String problem) {
    String echoed =
        badOutput.length() > MAX_ECHO ? badOutput.substring(0, MAX_ECHO) + "\n[…cut…]" : badOutput;
    return originalUser
        + "\n\n---\nYour previous reply could not be used: "
        + problem
        + "\n\nPrevious reply:\n<<<\n"
        + echoed
        + "\n>>>\n\nReply again with only one JSON object that follows the schema exactly:"
        + " every property present, the declared types, no extra properties, no prose and no"
        + " code fences.";
  }
}

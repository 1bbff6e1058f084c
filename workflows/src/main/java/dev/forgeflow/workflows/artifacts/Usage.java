package dev.forgeflow.workflows.artifacts;

/** Tokens and cost spent by one or more model calls; zero for the offline planner. */
public record Usage(long promptTokens, long completionTokens, double costUsd) {
  public static final Usage NONE = new Usage(0, 0, 0);

  public Usage plus(Usage other) {
    return new Usage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        costUsd + other.costUsd);
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}

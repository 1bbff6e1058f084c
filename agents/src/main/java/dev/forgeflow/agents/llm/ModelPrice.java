package dev.forgeflow.agents.llm;

/** What a model costs, in US dollars per million prompt and completion tokens. */
public record ModelPrice(double usdPerMillionPrompt, double usdPerMillionCompletion) {
  public ModelPrice {
    if (usdPerMillionPrompt < 0 || usdPerMillionCompletion < 0) {
      throw new IllegalArgumentException("prices cannot be negative");
    }
  }

  /** The cost of the given token counts. */
  public double cost(long promptTokens, long completionTokens) {
    return (promptTokens * usdPerMillionPrompt + completionTokens * usdPerMillionCompletion)
        / 1_000_000d;
  }
}

package dev.forgeflow.agents.llm;

import dev.forgeflow.workflows.artifacts.Usage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What model calls cost, from the configured prices. A reply's model matches a price by exact name,
 * else by the longest priced name it starts with ({@code gpt-4o-mini-2024-07-18} is priced as
 * {@code gpt-4o-mini}). Unpriced models cost 0; their tokens still count.
 */
public final class Pricing {
  private final Map<String, ModelPrice> prices;

  public Pricing(Map<String, ModelPrice> prices) {
    this.prices = Map.copyOf(prices);
  }

  public static Pricing of(LlmSettings settings) {
    return new Pricing(settings.prices());
  }

  /** The cost of one reply in US dollars. */
  public double costUsd(LlmReply reply) {
    return priceOf(reply.model())
        .map(price -> price.cost(reply.promptTokens(), reply.completionTokens()))
        .orElse(0d);
  }

  /** Tokens and cost of the given replies together. */
  public Usage usage(List<LlmReply> replies) {
    Usage total = Usage.NONE;
    for (LlmReply reply : replies) {
      total = total.plus(new Usage(reply.promptTokens(), reply.completionTokens(), costUsd(reply)));
    }
    return total;
  }

  Optional<ModelPrice> priceOf(String model) {
    if (model == null) {
      return Optional.empty();
    }
    ModelPrice exact = prices.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    return prices.keySet().stream()
        .filter(model::startsWith)
        .max(Comparator.comparingInt(String::length))
        .map(prices::get);
  }
}

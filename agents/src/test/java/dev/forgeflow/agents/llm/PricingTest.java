package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.forgeflow.workflows.artifacts.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {
  private final Pricing pricing =
      new Pricing(
          Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60), "gpt-4o", new ModelPrice(2.5, 10)));

  @Test
  void costFollowsThePricePerMillionTokens() {
    assertThat(pricing.costUsd(reply("gpt-4o", 1_000_000, 500_000))).isCloseTo(7.5, within(1e-9));
  }

  @Test
  void datedModelNamesUseTheLongestMatchingPrice() {
    assertThat(pricing.costUsd(reply("gpt-4o-mini-2024-07-18", 2_000_000, 0)))
        .isCloseTo(0.30, within(1e-9));
  }

  @Test
  void unknownModelsCostNothingButTheirTokensCount() {
    Usage usage = pricing.usage(List.of(reply("llama3", 100, 20), reply("gpt-4o", 1_000_000, 0)));

    assertThat(usage.promptTokens()).isEqualTo(1_000_100);
    assertThat(usage.completionTokens()).isEqualTo(20);
    assertThat(usage.costUsd()).isCloseTo(2.5, within(1e-9));
  }

  private static LlmReply reply(String model, long prompt, long completion) {
    return new LlmReply("", model, "http://a.test/v1", prompt, completion, 5);
  }
}

package dev.forgeflow.agents.support;

import dev.forgeflow.agents.llm.LlmRequest;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.llm.Pricing;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.llm.Structured;
import dev.forgeflow.agents.llm.StructuredOutput;
import dev.forgeflow.agents.validate.RuntimeProfile;
import java.util.Map;

/** One agent's way to the model: its system prompt, its model, structured output, its cost. */
public final class ModelAgent {
  private static final PromptTemplate SYSTEM = PromptTemplate.load("system");
  private final String agent;
  private final StructuredOutput output;
  private final LlmSettings settings;
  private final Pricing pricing;
  private final String system;

  public ModelAgent(
      String agent, StructuredOutput output, LlmSettings settings, RuntimeProfile profile) {
    this.agent = agent;
    this.output = output;
    this.settings = settings;
    this.pricing = Pricing.of(settings);
    this.system = SYSTEM.render(Map.of("agent", agent, "runtime_profile", profile.describe()));
  }

  /**
   * Asks the model (the run's override, else the configured one) for a {@code type} value. With the
   * agents' ledgered client ({@link dev.forgeflow.agents.llm.LlmClients#ledgered}), a retried
   * activity gets its earlier attempt's replies, not streamed again; the usage returned still
   * counts them, once: the attempt that bought them never returned a result.
   */
  public <T> Drafted<T> ask(
      String runId, String modelOverride, String user, Class<T> type, StreamListener listener) {
    String model = settings.modelFor(agent, modelOverride);
    LlmRequest request =
        new LlmRequest(runId, agent, model, system, user, null, listener != StreamListener.NONE);
    Structured<T> answer = output.call(request, type, listener);
    return new Drafted<>(answer.value(), pricing.usage(answer.replies()));
  }
}

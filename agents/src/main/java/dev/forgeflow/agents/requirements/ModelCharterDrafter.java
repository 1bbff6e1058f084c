package dev.forgeflow.agents.requirements;

import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.ModelAgent;
import dev.forgeflow.agents.support.PromptTemplate;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import java.util.Map;

final class ModelCharterDrafter implements CharterDrafter {
  private static final PromptTemplate PROMPT = PromptTemplate.load("requirements");
  private final ModelAgent model;

  ModelCharterDrafter(ModelAgent model) {
    this.model = model;
  }

  @Override
  public Drafted<ProjectCharter> draft(
      String runId, String prompt, String override, RetrievedContext context) {
    String user =
        PROMPT.render(
            Map.of(
                "prompt",
                prompt,
                "documents",
                context.only("document").forPrompt(),
                "guide",
                context.only("knowledge").forPrompt()));
    return model.ask(runId, override, user, ProjectCharter.class, StreamListener.NONE);
  }
}

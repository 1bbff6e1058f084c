package dev.forgeflow.agents.architecture;

import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.agents.support.ModelAgent;
import dev.forgeflow.agents.support.PromptTemplate;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.Map;

final class ModelArchitectureDrafter implements ArchitectureDrafter {
  private static final PromptTemplate PROMPT = PromptTemplate.load("architecture");
  private final ModelAgent model;

  ModelArchitectureDrafter(ModelAgent model) {
    this.model = model;
  }

  @Override
  public Drafted<SystemArchitecture> draft(
      String runId, ProjectCharter charter, String feedback, String override, String patterns) {
    String user =
        PROMPT.render(
            Map.of(
                "charter",
                Json.write(charter),
                "feedback",
                feedback == null ? "" : feedback,
                "patterns",
                patterns));
    return model.ask(runId, override, user, SystemArchitecture.class, StreamListener.NONE);
  }
}

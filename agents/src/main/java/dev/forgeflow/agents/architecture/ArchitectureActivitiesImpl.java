package dev.forgeflow.agents.architecture;

import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.workflows.architecture.ArchitectureActivities;
import dev.forgeflow.workflows.architecture.ArchitectureInput;
import dev.forgeflow.workflows.architecture.ArchitectureResult;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;

/** Designs, stores the architecture and journals {@code artifact.architecture}. */
public final class ArchitectureActivitiesImpl implements ArchitectureActivities {
  private final ArchitectureDrafter drafter;
  private final ArtifactStore artifacts;
  private final ActivityJournal journal;
  private final String planner;

  public ArchitectureActivitiesImpl(
      ArchitectureDrafter drafter,
      ArtifactStore artifacts,
      ActivityJournal journal,
      String planner) {
    this.drafter = drafter;
    this.artifacts = artifacts;
    this.journal = journal;
    this.planner = planner;
  }

  @Override
  public ArchitectureResult design(ArchitectureInput input) {
    ProjectCharter charter =
        Json.read(artifacts.load(input.charterId()).json(), ProjectCharter.class);
    String patterns =
        RetrievedContext.load(artifacts, input.runId(), RetrievalAgent.ARCHITECTURE).forPrompt();
    Drafted<SystemArchitecture> drafted =
        drafter.draft(input.runId(), charter, input.feedback(), input.model(), patterns);
    SystemArchitecture architecture = drafted.value();
    String id = artifacts.save(input.runId(), "architecture", Json.write(architecture));
    journal.append(
        input.runId(),
        new Fact.ArtifactArchitecture(
            id,
            architecture.filePlan().stream().map(f -> f.path()).toList(),
            architecture.components().size(),
            planner,
            input.feedback()));
    return new ArchitectureResult(id, architecture.filePlan(), drafted.usage());
  }
}

package dev.forgeflow.agents.architecture;

import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.workflows.architecture.ArchitectureActivities;
import dev.forgeflow.workflows.architecture.ArchitectureInput;
import dev.forgeflow.workflows.architecture.ArchitectureResult;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.LinkedHashMap;
import java.util.Map;

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
    Drafted<SystemArchitecture> drafted =
        drafter.draft(input.runId(), charter, input.feedback(), input.model());
    SystemArchitecture architecture = drafted.value();
    String id = artifacts.save(input.runId(), "architecture", Json.write(architecture));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("artifactId", id);
    payload.put("files", architecture.filePlan().stream().map(f -> f.path()).toList());
    payload.put("components", architecture.components().size());
    payload.put("planner", planner);
    if (input.feedback() != null) {
      payload.put("feedback", input.feedback());
    }
    journal.append(input.runId(), "artifact.architecture", payload);
    return new ArchitectureResult(id, architecture.filePlan(), drafted.usage());
  }
}

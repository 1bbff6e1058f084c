package dev.forgeflow.agents.requirements;

import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.agents.support.ProjectNames;
import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.requirements.CharterResult;
import dev.forgeflow.workflows.requirements.RequirementsActivities;
import dev.forgeflow.workflows.requirements.RequirementsInput;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;

/** Drafts the charter, stores it, names the run's project and journals {@code artifact.charter}. */
public final class RequirementsActivitiesImpl implements RequirementsActivities {
  private final CharterDrafter drafter;
  private final ArtifactStore artifacts;
  private final RunStore runs;
  private final ActivityJournal journal;
  private final String planner;

  public RequirementsActivitiesImpl(
      CharterDrafter drafter,
      ArtifactStore artifacts,
      RunStore runs,
      ActivityJournal journal,
      String planner) {
    this.drafter = drafter;
    this.artifacts = artifacts;
    this.runs = runs;
    this.journal = journal;
    this.planner = planner;
  }

  @Override
  public CharterResult analyze(RequirementsInput input) {
    RetrievedContext context =
        RetrievedContext.load(artifacts, input.runId(), RetrievalAgent.REQUIREMENTS);
    Drafted<ProjectCharter> drafted =
        drafter.draft(input.runId(), input.prompt(), input.model(), context);
    ProjectCharter charter = named(drafted.value());
    String id = artifacts.save(input.runId(), "charter", Json.write(charter));
    runs.setProjectName(input.runId(), charter.name());
    journal.append(
        input.runId(),
        new Fact.ArtifactCharter(id, charter.name(), charter.entities().size(), planner));
    return new CharterResult(
        id, charter.name(), charter.entities().size(), drafted.usage(), charter.authRequired());
  }

  private static ProjectCharter named(ProjectCharter charter) {
    return new ProjectCharter(
        ProjectNames.sanitize(charter.name()),
        charter.description(),
        charter.entities(),
        charter.endpoints(),
        charter.businessRules(),
        charter.authRequired());
  }
}

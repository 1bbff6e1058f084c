package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.journal.RunStatus;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;

/**
 * Keeps the run's {@link RunSearchAttributes} current from workflow code. Off until the run begins,
 * and for good for runs whose cluster lacks the attributes and for histories recorded before the
 * workflow kept them (so they still replay).
 */
final class RunIndex {
  static final String CHANGE_ID = "search-attributes";
  private boolean on;

  /**
   * Turns the index on for a run whose cluster has the attributes, unless the history being
   * replayed was recorded before the workflow kept them. Called once, as the run begins.
   */
  void begin(PipelineInput input) {
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    on = input.indexed() && version >= 1;
  }

  void stage(Stage stage) {
    upsert(RunSearchAttributes.STAGE.valueSet(stage.name()));
  }

  void status(RunStatus status) {
    upsert(RunSearchAttributes.STATUS.valueSet(status.name()));
  }

  void round(int round) {
    upsert(RunSearchAttributes.ROUND.valueSet((long) round));
  }

  void project(String project) {
    if (project != null) {
      upsert(RunSearchAttributes.PROJECT.valueSet(project));
    }
  }

  private void upsert(SearchAttributeUpdate<?> update) {
    if (on) {
      Workflow.upsertTypedSearchAttributes(update);
    }
  }
}

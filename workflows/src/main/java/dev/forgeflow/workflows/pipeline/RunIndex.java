package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.journal.RunStatus;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;

/**
 * Keeps the run's {@link RunSearchAttributes} current from workflow code. Off for runs whose
 * cluster lacks the attributes, and for histories recorded before the workflow kept them (so they
 * still replay).
 */
final class RunIndex {
  static final String CHANGE_ID = "search-attributes";
  private final boolean on;

  private RunIndex(boolean on) {
    this.on = on;
  }

  static RunIndex off() {
    return new RunIndex(false);
  }

  static RunIndex of(PipelineInput input) {
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    return new RunIndex(input.indexed() && version >= 1);
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

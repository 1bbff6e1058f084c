package dev.forgeflow.workflows.pipeline;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a stored history (approval gate with feedback, a patch round, a stuck-loop rewrite,
 * approval) against the current workflow code: a change that breaks determinism fails here.
 */
class PipelineReplayTest {

  @Test
  void storedHistoryReplaysAgainstTheCurrentWorkflowCode() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/pipeline-gate-feedback-rewrite.json", PipelineWorkflowImpl.class);
  }
}

package dev.forgeflow.workflows.pipeline;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays stored histories against the current workflow code: a change that breaks determinism
 * fails here. The histories: the approval gate with feedback, a patch round, a stuck-loop rewrite
 * and approval (recorded before the run kept search attributes); failing checks, a repair round and
 * a deploy; a deploy that fails for good and the saga's compensation (both recorded by {@link
 * HistoryRecording}, with search attributes); and the last two again with the agents retrieving and
 * each version indexed (the {@code -retrieval} files), with the sandbox work placed on one Docker
 * host's queue (the {@code -hosts} files), with the run's end handed to its project's webhooks (the
 * {@code -webhooks} files), and with both (the {@code -hosts-webhooks} files), beside the older
 * ones that replay as runs begun before those changes.
 */
class PipelineReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pipeline-gate-feedback-rewrite.json",
        "pipeline-checks-deploy.json",
        "pipeline-deploy-fails-compensates.json",
        "pipeline-checks-deploy-retrieval.json",
        "pipeline-deploy-fails-compensates-retrieval.json",
        "pipeline-checks-deploy-hosts.json",
        "pipeline-deploy-fails-compensates-hosts.json",
        "pipeline-checks-deploy-webhooks.json",
        "pipeline-deploy-fails-compensates-webhooks.json",
        "pipeline-checks-deploy-hosts-webhooks.json",
        "pipeline-deploy-fails-compensates-hosts-webhooks.json"
      })
  void storedHistoryReplaysAgainstTheCurrentWorkflowCode(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + history, PipelineWorkflowImpl.class);
  }
}

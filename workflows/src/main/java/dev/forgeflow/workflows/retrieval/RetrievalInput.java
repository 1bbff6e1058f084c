package dev.forgeflow.workflows.retrieval;

/**
 * What to retrieve for: the run, the agent about to write, and what it writes from (the prompt for
 * Requirements; the charter, and the architecture once there is one, for the others).
 */
public record RetrievalInput(
    String runId, RetrievalAgent agent, String prompt, String charterId, String architectureId) {}

package dev.forgeflow.workflows.pipeline;

/** What the approval gate does when nobody answers in time. */
public enum ApprovalTimeoutAction {
  APPROVE,
  REJECT
}

package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.AgentModels;
import java.time.Duration;

/**
 * How one run behaves.
 *
 * @param approvalGate stop after Architecture and wait for an approve / request-changes Update
 * @param approvalTimeout how long the gate waits
 * @param onApprovalTimeout what the gate does when the wait runs out
 * @param maxReviewRounds the review loop's bound (at least 1)
 * @param implementerConcurrency how many file activities run at once (at least 1)
 * @param budgetTokens token budget of the run; 0 for none
 * @param budgetUsd cost budget of the run in US dollars; 0 for none
 * @param models per-agent model overrides
 * @param sandbox build and check every bundle version in the sandbox (needs a Docker daemon); a
 *     round is approved only when its checks pass
 */
public record PipelineOptions(
    boolean approvalGate,
    Duration approvalTimeout,
    ApprovalTimeoutAction onApprovalTimeout,
    int maxReviewRounds,
    int implementerConcurrency,
    long budgetTokens,
    double budgetUsd,
    AgentModels models,
    SandboxMode sandbox) {

  public PipelineOptions {
    sandbox = sandbox == null ? SandboxMode.OFF : sandbox;
  }

  public static PipelineOptions defaults() {
    return new PipelineOptions(
        false,
        Duration.ofDays(7),
        ApprovalTimeoutAction.REJECT,
        3,
        4,
        0,
        0,
        AgentModels.DEFAULTS,
        SandboxMode.OFF);
  }

  public PipelineOptions withApprovalGate(boolean gate) {
    return new PipelineOptions(
        gate,
        approvalTimeout,
        onApprovalTimeout,
        maxReviewRounds,
        implementerConcurrency,
        budgetTokens,
        budgetUsd,
        models,
        sandbox);
  }

  public PipelineOptions withBudget(long tokens, double usd) {
    return new PipelineOptions(
        approvalGate,
        approvalTimeout,
        onApprovalTimeout,
        maxReviewRounds,
        implementerConcurrency,
        tokens,
        usd,
        models,
        sandbox);
  }

  public PipelineOptions withSandbox(SandboxMode mode) {
    return new PipelineOptions(
        approvalGate,
        approvalTimeout,
        onApprovalTimeout,
        maxReviewRounds,
        implementerConcurrency,
        budgetTokens,
        budgetUsd,
        models,
        mode);
  }
}

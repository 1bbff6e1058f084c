package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.Usage;

/** What a run has spent against its limits; a limit of 0 means none. Plain state, no I/O. */
final class Budget {
  private long limitTokens;
  private double limitUsd;
  private Usage spent = Usage.NONE;

  Budget(long limitTokens, double limitUsd) {
    this.limitTokens = limitTokens;
    this.limitUsd = limitUsd;
  }

  void spend(Usage usage) {
    spent = spent.plus(usage);
  }

  boolean exhausted() {
    return (limitTokens > 0 && spent.totalTokens() >= limitTokens)
        || (limitUsd > 0 && spent.costUsd() >= limitUsd);
  }

  /** Whether the new limits actually leave room to go on. */
  boolean wouldAllow(long tokens, double usd) {
    return (tokens <= 0 || spent.totalTokens() < tokens) && (usd <= 0 || spent.costUsd() < usd);
  }

  void raise(long tokens, double usd) {
    limitTokens = tokens;
    limitUsd = usd;
  }

  Usage spent() {
    return spent;
  }

  long limitTokens() {
    return limitTokens;
  }

  double limitUsd() {
    return limitUsd;
  }
}

package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.implementer.ImplementMode;

/** How a review round ends: the bundle is approved, goes to repair, or the run stops there. */
sealed interface RoundOutcome {

  /** The round's review approved the bundle. */
  record Approved(int round) implements RoundOutcome {}

  /** The Implementer changes the files the review named, in {@code mode}, for the next round. */
  record Repair(RepairPlan plan, ImplementMode mode, String signature) implements RoundOutcome {}

  /** The run ends here unapproved: out of rounds, or stuck. */
  record Blocked(Outcome outcome, String verdict, int blockingIssues) implements RoundOutcome {}
}

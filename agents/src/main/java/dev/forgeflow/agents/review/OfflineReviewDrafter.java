package dev.forgeflow.agents.review;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import java.util.List;

/** The offline planner has no opinion of its own: the validators' findings decide. */
final class OfflineReviewDrafter implements ReviewDrafter {
  @Override
  public Drafted<ReviewReport> draft(ReviewTask task) {
    return Drafted.free(
        new ReviewReport(
            true,
            OfflinePlanner.ANNOUNCEMENT + ": reviewed by the deterministic validators only",
            List.of(),
            List.of()));
  }
}

package dev.forgeflow.agents.review;

import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ReviewReport;

/** Reviews a bundle: by model, or (offline) by no opinion beyond the validators'. */
public interface ReviewDrafter {
  Drafted<ReviewReport> draft(ReviewTask task);
}

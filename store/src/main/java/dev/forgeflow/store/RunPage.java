package dev.forgeflow.store;

import java.util.List;

/**
 * One page of runs, newest first.
 *
 * @param next the cursor that lists the following page, or {@code null} when this one is the last
 */
public record RunPage(List<RunRecord> runs, String next) {
  public RunPage {
    runs = List.copyOf(runs);
  }
}

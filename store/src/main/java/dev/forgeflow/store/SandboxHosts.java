package dev.forgeflow.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox runners, one per Docker host, and the choice of a run's host among them: the live
 * host (seen within a bound) with the fewest unfinished runs, so runs spread over the hosts.
 */
public interface SandboxHosts {

  /** A live host and how many unfinished runs are placed on it. */
  record HostLoad(String name, String taskQueue, int unfinishedRuns) {}

  /** Says the host is alive now; registers it on the first call. */
  void heartbeat(String name, String taskQueue);

  /** The host leaves (its runner stops): it is chosen no more. */
  void leave(String name);

  /** The hosts seen within {@code liveWithin}, by name, with their unfinished runs. */
  List<HostLoad> live(Duration liveWithin);

  /**
   * Chooses the run's host and records it on the run, atomically with other choices: the live host
   * with the fewest unfinished runs (the run itself not counted), the first by name among equals;
   * {@code leaving} only when no other host is live.
   *
   * @return the host's name; empty when no host is live
   * @throws java.util.NoSuchElementException if there is no such run
   */
  Optional<String> place(String runId, Duration liveWithin, String leaving);
}

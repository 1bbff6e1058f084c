package dev.forgeflow.bench;

/**
 * The worker's heap cost of one run in flight: heap used after a full GC with runs in flight, minus
 * heap used after a full GC with none, divided by the runs in flight during the loaded GC.
 *
 * @param idleBytes heap used after GC, no run in flight
 * @param loadedBytes heap used after GC, {@code runsInFlight} runs in flight
 * @param runsInFlight runs in flight throughout the loaded GC
 */
record HeapPerRun(long idleBytes, long loadedBytes, int runsInFlight) {
  HeapPerRun {
    if (idleBytes < 0 || loadedBytes < 0) {
      throw new IllegalArgumentException("heap sizes are not negative");
    }
    if (runsInFlight < 1) {
      throw new IllegalArgumentException("no run was in flight during the loaded sample");
    }
  }

  /** (loaded − idle) / runs in flight; negative only if the loaded heap was smaller. */
  double bytesPerRun() {
    return (loadedBytes - idleBytes) / (double) runsInFlight;
  }
}

package dev.forgeflow.orchestrator.temporal;

/** The Temporal dev server of local mode cannot be had; the message says why. */
public final class TemporalUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemporalUnavailable(String reason) {
    super(reason, null, false, false);
  }
}

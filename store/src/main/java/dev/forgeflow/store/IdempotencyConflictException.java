package dev.forgeflow.store;

/** An idempotency key the owner used before, with a different request. */
public final class IdempotencyConflictException extends RuntimeException {

  /** The run the key created. */
  private final String runId;

  public IdempotencyConflictException(String runId) {
    super("This Idempotency-Key was used for another request, which created run " + runId);
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }
}

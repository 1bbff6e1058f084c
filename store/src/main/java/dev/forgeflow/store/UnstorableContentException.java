package dev.forgeflow.store;

/**
 * Content PostgreSQL cannot store even after sanitising, such as text that is not JSON where JSON
 * is required, or a journal payload too large even with its texts cut. Permanent: writing the same
 * content again fails the same way, so whoever retries should not (an activity maps it to a
 * non-retryable failure rather than buy its model call again).
 */
public final class UnstorableContentException extends IllegalArgumentException {

  /** The failure type an activity reports this exception under. */
  public static final String FAILURE_TYPE = "UnstorableContent";

  public UnstorableContentException(String message) {
    super(message);
  }

  public UnstorableContentException(String message, Throwable cause) {
    super(message, cause);
  }
}

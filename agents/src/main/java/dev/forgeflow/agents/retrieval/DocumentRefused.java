package dev.forgeflow.agents.retrieval;

/** An uploaded document that cannot be attached, why (as a kind), and what to do, in words. */
public final class DocumentRefused extends RuntimeException {

  /** Why a document is refused. */
  public enum Reason {
    EMPTY,
    TOO_LARGE,
    UNSUPPORTED_TYPE,
    NOT_TEXT,
    UNREADABLE_PDF,
    ENCRYPTED_PDF,
    NO_TEXT
  }

  private final Reason reason;

  public DocumentRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

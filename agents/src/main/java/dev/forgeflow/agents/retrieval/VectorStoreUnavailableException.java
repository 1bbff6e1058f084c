package dev.forgeflow.agents.retrieval;

/** The vector store could not be reached or refused a request; the message names it. */
public final class VectorStoreUnavailableException extends RuntimeException {
  public VectorStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

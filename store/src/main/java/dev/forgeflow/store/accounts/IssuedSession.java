package dev.forgeflow.store.accounts;

/**
 * A session just created. {@code id} goes into the cookie; only its SHA-256 is stored, so a copy of
 * the database cannot be used to take over sessions.
 */
public record IssuedSession(String id, Session session) {

  /** Never shows the id. */
  @Override
  public String toString() {
    return "IssuedSession[session=" + session + "]";
  }
}

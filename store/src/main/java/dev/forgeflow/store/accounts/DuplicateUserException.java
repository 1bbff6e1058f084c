package dev.forgeflow.store.accounts;

/** A user with that username or email address exists already (whatever the case). */
public final class DuplicateUserException extends RuntimeException {

  public DuplicateUserException(String message) {
    super(message);
  }
}

package dev.forgeflow.workflows.sandbox;

/**
 * A bundle version to build into a project image and check, in review round {@code round}.
 *
 * @param authRequired the charter says users must sign in: the attack stage checks access control
 */
public record CheckInput(String runId, String bundleId, int round, boolean authRequired) {

  /** A bundle of a service that needs no sign-in. */
  public CheckInput(String runId, String bundleId, int round) {
    this(runId, bundleId, round, false);
  }
}

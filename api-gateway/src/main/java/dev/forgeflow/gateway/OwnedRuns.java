package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;

/**
 * A run the caller owns, or a 404 problem: the same for a run that does not exist and for someone
 * else's. Blocking: JDBC.
 */
final class OwnedRuns {

  private OwnedRuns() {}

  static RunRecord find(Stores stores, User user, String runId) {
    return stores
        .runs()
        .findOwned(user.id(), runId)
        .orElseThrow(() -> Problems.notFound("You have no run " + runId));
  }
}

package dev.forgeflow.gateway;

import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;

/**
 * Finds a run the caller owns and its bundle versions; anything else is a 404 problem, the same for
 * a run that does not exist and for someone else's. Blocking: JDBC.
 */
final class RunBundles {

  private final Stores stores;

  RunBundles(Stores stores) {
    this.stores = stores;
  }

  RunRecord ownedRun(User user, String runId) {
    return OwnedRuns.find(stores, user, runId);
  }

  /** The version the selector names in the caller's run. */
  OwnedVersion version(User user, String runId, VersionSelector selector) {
    RunRecord run = ownedRun(user, runId);
    return new OwnedVersion(run, version(run, selector));
  }

  BundleVersion version(RunRecord run, VersionSelector selector) {
    if (selector.latest()) {
      return stores
          .bundles()
          .latest(run.id())
          .orElseThrow(() -> Problems.notFound("The run has no code yet"));
    }
    return stores.bundles().versions(run.id()).stream()
        .filter(version -> version.version() == selector.number())
        .findFirst()
        .orElseThrow(
            () ->
                Problems.notFound("The run has no version " + selector.number() + " of its code"));
  }

  /** A bundle version and the run, owned by the caller, it belongs to. */
  record OwnedVersion(RunRecord run, BundleVersion version) {}
}

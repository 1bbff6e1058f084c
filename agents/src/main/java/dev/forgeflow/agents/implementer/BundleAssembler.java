package dev.forgeflow.agents.implementer;

import dev.forgeflow.store.BundleStore;
import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.implementer.AssembleInput;
import dev.forgeflow.workflows.implementer.ImplementedFile;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes the next bundle version from the written files. Idempotent: when a retried call finds the
 * run's latest version already holds exactly these files on top of this base, it returns that
 * version instead of creating another.
 */
final class BundleAssembler {
  private final BundleStore bundles;

  BundleAssembler(BundleStore bundles) {
    this.bundles = bundles;
  }

  BundleRef assemble(AssembleInput input) {
    Map<String, String> changed = new TreeMap<>();
    for (ImplementedFile file : input.files()) {
      if (file.written()) {
        changed.put(file.path(), file.sha256());
      }
    }
    SortedMap<String, String> expected = new TreeMap<>();
    if (input.baseBundleId() != null) {
      expected.putAll(bundles.files(input.baseBundleId()));
    }
    expected.putAll(changed);
    Optional<BundleVersion> latest = bundles.latest(input.runId());
    if (latest.isPresent()
        && !latest.get().id().equals(input.baseBundleId())
        && isSuccessorOf(latest.get(), input.baseBundleId())
        && bundles.files(latest.get().id()).equals(expected)) {
      return ref(latest.get());
    }
    return ref(bundles.createVersion(input.runId(), input.baseBundleId(), changed));
  }

  private boolean isSuccessorOf(BundleVersion latest, String baseBundleId) {
    if (baseBundleId == null) {
      return latest.version() == 1;
    }
    return latest.version() == bundles.find(baseBundleId).version() + 1;
  }

  private static BundleRef ref(BundleVersion version) {
    return new BundleRef(version.id(), version.version(), version.fileCount());
  }
}

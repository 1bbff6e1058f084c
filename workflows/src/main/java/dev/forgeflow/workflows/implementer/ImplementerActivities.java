package dev.forgeflow.workflows.implementer;

import dev.forgeflow.workflows.artifacts.BundleRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes planned files and assembles them into versioned code bundles. */
@ActivityInterface
public interface ImplementerActivities {

  /**
   * Writes one planned file into the content-addressed store (never to disk) and journals {@code
   * code.file}. A path that leaves the project root is not written: the result carries the
   * rejection instead. Safe to retry: the same content hashes to the same blob.
   */
  @ActivityMethod
  ImplementedFile implementFile(ImplementFileInput input);

  /** Records the next bundle version of the run; files not named keep their base content. */
  @ActivityMethod
  BundleRef assemble(AssembleInput input);
}

package dev.forgeflow.agents.implementer;

import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;
import java.nio.charset.StandardCharsets;

/** Loads what a file activity's input refers to by id: charter, architecture, previous content. */
public final class FileTasks {
  private final ArtifactStore artifacts;
  private final BundleStore bundles;

  public FileTasks(ArtifactStore artifacts, BundleStore bundles) {
    this.artifacts = artifacts;
    this.bundles = bundles;
  }

  FileTask taskFor(ImplementFileInput input) {
    ProjectCharter charter =
        Json.read(artifacts.load(input.charterId()).json(), ProjectCharter.class);
    SystemArchitecture architecture =
        Json.read(artifacts.load(input.architectureId()).json(), SystemArchitecture.class);
    return new FileTask(
        input.runId(),
        charter,
        architecture,
        input.file(),
        input.mode(),
        previous(input),
        input.instructions(),
        input.model(),
        RetrievedContext.load(artifacts, input.runId(), RetrievalAgent.IMPLEMENTER).forPrompt());
  }

  private String previous(ImplementFileInput input) {
    if (input.baseBundleId() == null) {
      return null;
    }
    String sha = bundles.files(input.baseBundleId()).get(input.file().path());
    return sha == null ? null : new String(bundles.blob(sha), StandardCharsets.UTF_8);
  }
}

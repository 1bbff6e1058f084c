package dev.forgeflow.agents.implementer;

import dev.forgeflow.agents.llm.FileDraft;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.llm.StreamProgress;
import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.validate.PathVerdict;
import dev.forgeflow.agents.validate.ProjectPaths;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.implementer.AssembleInput;
import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.implementer.ImplementedFile;
import dev.forgeflow.workflows.implementer.ImplementerActivities;
import dev.forgeflow.workflows.journal.Fact;
import java.nio.charset.StandardCharsets;

/**
 * Writes planned files into the content-addressed store. A path that would leave the project root,
 * whether planned that way or named so by the model, is never written: the file comes back rejected
 * and the review reports it.
 */
public final class ImplementerActivitiesImpl implements ImplementerActivities {
  /** Larger generated files are refused rather than stored: no service file needs this much. */
  static final int MAX_FILE_BYTES = 512 * 1024;

  private final FileDrafter drafter;
  private final FileTasks tasks;
  private final BundleStore bundles;
  private final ActivityJournal journal;
  private final boolean streams;

  public ImplementerActivitiesImpl(
      FileDrafter drafter,
      FileTasks tasks,
      BundleStore bundles,
      ActivityJournal journal,
      boolean streams) {
    this.drafter = drafter;
    this.tasks = tasks;
    this.bundles = bundles;
    this.journal = journal;
    this.streams = streams;
  }

  @Override
  public ImplementedFile implementFile(ImplementFileInput input) {
    PathVerdict planned = ProjectPaths.check(input.file().path());
    if (!planned.ok()) {
      return rejected(input, input.file().path(), planned.rejection());
    }
    FileTask task = tasks.taskFor(input);
    Drafted<FileDraft> drafted;
    try (StreamProgress progress =
        new StreamProgress(
            journal.journal(), input.runId(), planned.normalized(), ActivityJournal.attempt())) {
      drafted = drafter.draft(task, streams ? progress : StreamListener.NONE);
    }
    PathVerdict named = ProjectPaths.check(drafted.value().path());
    if (!named.ok()) {
      return rejected(input, drafted.value().path(), "the model named " + named.rejection());
    }
    byte[] content = drafted.value().content().getBytes(StandardCharsets.UTF_8);
    if (content.length > MAX_FILE_BYTES) {
      return rejected(input, planned.normalized(), "content over " + MAX_FILE_BYTES + " bytes");
    }
    String sha = bundles.putBlob(content);
    journal.append(
        input.runId(),
        new Fact.CodeFile(
            planned.normalized(), sha, content.length, input.mode().name(), input.round()));
    return new ImplementedFile(planned.normalized(), sha, content.length, null, drafted.usage());
  }

  private ImplementedFile rejected(ImplementFileInput input, String path, String reason) {
    journal.append(input.runId(), new Fact.CodeRejected(path, reason, input.round()));
    return new ImplementedFile(input.file().path(), null, 0, reason, Usage.NONE);
  }

  @Override
  public BundleRef assemble(AssembleInput input) {
    return new BundleAssembler(bundles).assemble(input);
  }
}

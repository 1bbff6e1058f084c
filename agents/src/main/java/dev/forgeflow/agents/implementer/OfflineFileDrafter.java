package dev.forgeflow.agents.implementer;

import dev.forgeflow.agents.llm.FileDraft;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.Drafted;

/** Renders the planned file from the offline planner's templates; patches render it afresh. */
final class OfflineFileDrafter implements FileDrafter {
  private final OfflinePlanner planner;

  OfflineFileDrafter(OfflinePlanner planner) {
    this.planner = planner;
  }

  @Override
  public Drafted<FileDraft> draft(FileTask task, StreamListener progress) {
    String content = planner.render(task.file(), task.charter(), task.architecture());
    return Drafted.free(new FileDraft(task.file().path(), content));
  }
}

package dev.forgeflow.agents.implementer;

import dev.forgeflow.agents.llm.FileDraft;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.support.Drafted;

/** Writes one planned file; a model drafter streams its progress to the listener. */
public interface FileDrafter {
  Drafted<FileDraft> draft(FileTask task, StreamListener progress);
}

package dev.forgeflow.agents.implementer;

import dev.forgeflow.agents.llm.FileDraft;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.agents.support.Knowledge;
import dev.forgeflow.agents.support.ModelAgent;
import dev.forgeflow.agents.support.PromptTemplate;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.implementer.ImplementMode;
import java.util.Map;
import java.util.stream.Collectors;

/** Asks the model for one file, showing it its siblings' planned interfaces, streaming. */
final class ModelFileDrafter implements FileDrafter {
  private static final PromptTemplate PROMPT = PromptTemplate.load("implementer");
  private final ModelAgent model;

  ModelFileDrafter(ModelAgent model) {
    this.model = model;
  }

  @Override
  public Drafted<FileDraft> draft(FileTask task, StreamListener progress) {
    PlannedFile file = task.file();
    String siblings =
        task.architecture().filePlan().stream()
            .filter(f -> !f.path().equals(file.path()))
            .map(f -> "- " + f.path() + ": " + f.publicInterface())
            .collect(Collectors.joining("\n"));
    String user =
        PROMPT.render(
            Map.of(
                "path", file.path(),
                "mode", describe(task.mode()),
                "purpose", file.purpose(),
                "public_interface", file.publicInterface(),
                "siblings", siblings,
                "charter", Json.write(task.charter()),
                "design", task.architecture().designMarkdown(),
                "hardening", Knowledge.serviceHardening(),
                "patterns", task.patterns(),
                "patch_context", patchContext(task)));
    return model.ask(task.runId(), task.model(), user, FileDraft.class, progress);
  }

  private static String describe(ImplementMode mode) {
    return switch (mode) {
      case CREATE -> "write it from scratch";
      case PATCH -> "fix the review's findings, changing only what they require";
      case REWRITE -> "rewrite it from scratch: patching did not fix the same failure twice";
    };
  }

  private static String patchContext(FileTask task) {
    if (task.mode() == ImplementMode.CREATE) {
      return "";
    }
    String findings = String.join("\n", task.instructions().stream().map(i -> "- " + i).toList());
    String current = task.previous() == null ? "(the file is missing)" : task.previous();
    return "Review findings for this file:\n" + findings + "\n\nCurrent content:\n" + current;
  }
}

package dev.forgeflow.agents.review;

import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.agents.support.Knowledge;
import dev.forgeflow.agents.support.ModelAgent;
import dev.forgeflow.agents.support.PromptTemplate;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import java.util.Map;
import java.util.stream.Collectors;

final class ModelReviewDrafter implements ReviewDrafter {
  private static final PromptTemplate PROMPT = PromptTemplate.load("reviewer");

  /** Per file, what the model sees at most; the validators still read every byte. */
  private static final int MAX_CHARS_PER_FILE = 24_000;

  private final ModelAgent model;

  ModelReviewDrafter(ModelAgent model) {
    this.model = model;
  }

  @Override
  public Drafted<ReviewReport> draft(ReviewTask task) {
    String plan =
        task.architecture().filePlan().stream()
            .map(f -> "- " + f.path() + ": " + f.purpose())
            .collect(Collectors.joining("\n"));
    String files =
        task.files().entrySet().stream()
            .map(e -> "=== " + e.getKey() + "\n" + numbered(e.getValue()))
            .collect(Collectors.joining("\n"));
    String user =
        PROMPT.render(
            Map.of(
                "round",
                String.valueOf(task.round()),
                "charter",
                Json.write(task.charter()),
                "plan",
                plan,
                "files",
                files,
                "tests",
                tests(task),
                "hardening",
                Knowledge.serviceHardening(),
                "checklist",
                task.checklist()));
    return model.ask(task.runId(), task.model(), user, ReviewReport.class, StreamListener.NONE);
  }

  private static String numbered(String content) {
    String shown =
        content.length() > MAX_CHARS_PER_FILE
            ? content.substring(0, MAX_CHARS_PER_FILE) + "\n… (truncated)"
            : content;
    String[] lines = shown.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(i + 1).append(": ").append(lines[i]).append('\n');
    }
    return out.toString();
  }

  private static String tests(ReviewTask task) {
    if (task.tests() == null) {
      return "(the sandbox did not run)";
    }
    String failures =
        task.tests().failures().stream()
            .map(f -> "- " + f.check() + " " + f.file() + ":" + f.line() + " " + f.message())
            .collect(Collectors.joining("\n"));
    return (task.tests().passed() ? "passed: " : "FAILED: ")
        + task.tests().summary()
        + "\n"
        + failures;
  }
}

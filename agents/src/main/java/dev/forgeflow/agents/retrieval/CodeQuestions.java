package dev.forgeflow.agents.retrieval;

import dev.forgeflow.agents.llm.LlmClient;
import dev.forgeflow.agents.llm.LlmReply;
import dev.forgeflow.agents.llm.LlmRequest;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.store.BundleVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Answers questions about a bundle version's code: the passages that match best (indexing the
 * version first if it never was), and, with a model, an answer from those passages that cites
 * {@code file:start-end} for what it says.
 */
public final class CodeQuestions {

  /** How many passages a question is answered from. */
  public static final int PASSAGES = 6;

  private static final String SYSTEM =
      "You answer questions about the code of a generated FastAPI project, using only the passages"
          + " given. Cite every claim as path:start-end (lines of the passages given). If the"
          + " passages do not answer the question, say so. Answer in a few sentences of markdown.";

  /** An answer: the model's text (null offline) and the passages, best first. */
  public record Found(String planner, String answer, List<Passage> passages) {}

  private final Retrieval retrieval;
  private final BundleStore bundles;
  private final Optional<LlmSettings> settings;
  private final Optional<LlmClient> model;

  public CodeQuestions(
      Retrieval retrieval,
      BundleStore bundles,
      Optional<LlmSettings> settings,
      Optional<LlmClient> model) {
    this.retrieval = retrieval;
    this.bundles = bundles;
    this.settings = settings;
    this.model = model;
  }

  /**
   * @throws VectorStoreUnavailableException if the store cannot be reached
   * @throws io.temporal.failure.ApplicationFailure if the model does not answer
   */
  public Found ask(String projectId, BundleVersion bundle, String question) {
    if (!retrieval.codeIndexed(projectId, bundle.id())) {
      retrieval.indexCode(
          projectId,
          bundle.runId(),
          bundle.id(),
          bundle.version(),
          bundles.files(bundle.id()),
          sha -> new String(bundles.blob(sha), StandardCharsets.UTF_8));
    }
    List<Passage> passages =
        retrieval.code(projectId, bundle.id(), question, PASSAGES).stream()
            .map(Passage::ofCode)
            .toList();
    if (model.isEmpty() || settings.isEmpty()) {
      return new Found("offline", null, passages);
    }
    LlmReply reply =
        model
            .get()
            .complete(
                new LlmRequest(
                    bundle.runId(),
                    "ask",
                    settings.get().modelFor("ask", null),
                    SYSTEM,
                    prompt(question, passages),
                    null,
                    false),
                StreamListener.NONE);
    return new Found("model", reply.text().strip(), passages);
  }

  static String prompt(String question, List<Passage> passages) {
    String numbered =
        passages.stream()
            .map(
                p ->
                    "=== "
                        + p.label()
                        + ":"
                        + p.startLine()
                        + "-"
                        + p.endLine()
                        + "\n"
                        + numbered(p.text(), p.startLine()))
            .collect(Collectors.joining("\n"));
    return "Question: " + question + "\n\nPassages:\n" + numbered;
  }

  private static String numbered(String text, int first) {
    String[] lines = text.split("\n", -1);
    return IntStream.range(0, lines.length)
        .mapToObj(i -> (first + i) + ": " + lines[i])
        .collect(Collectors.joining("\n"));
  }
}

package dev.forgeflow.agents.retrieval;

import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an agent retrieved before it wrote: the query and the passages, best first. Kept as the
 * run's {@code context.<agent>} artifact by the retrieval activity and read back by the agent.
 */
public record RetrievedContext(String agent, String query, List<Passage> passages) {

  public RetrievedContext {
    passages = passages == null ? List.of() : List.copyOf(passages);
  }

  /** Nothing retrieved (runs begun before retrieval, or nothing to retrieve from). */
  public static RetrievedContext none(RetrievalAgent agent) {
    return new RetrievedContext(agent.key(), "", List.of());
  }

  /** The context the run's retrieval kept for this agent last; none if it kept none. */
  public static RetrievedContext load(ArtifactStore artifacts, String runId, RetrievalAgent agent) {
    return artifacts
        .latest(runId, agent.artifactKind())
        .map(stored -> Json.read(stored.json(), RetrievedContext.class))
        .orElseGet(() -> none(agent));
  }

  /**
   * The documents' text as far as it was retrieved: per document (in the order of its best
   * passage), its passages in page and offset order with overlaps merged and gaps marked.
   */
  public List<String> documentTexts() {
    Map<String, List<Passage>> byDocument = new LinkedHashMap<>();
    for (Passage passage : passages) {
      if ("document".equals(passage.source())) {
        byDocument.computeIfAbsent(passage.documentId(), id -> new ArrayList<>()).add(passage);
      }
    }
    List<String> texts = new ArrayList<>();
    for (List<Passage> found : byDocument.values()) {
      found.sort(Comparator.comparing(Passage::page).thenComparing(Passage::offset));
      StringBuilder text = new StringBuilder();
      int page = -1;
      int end = -1;
      for (Passage passage : found) {
        if (passage.page() != page) {
          page = passage.page();
          end = -1;
          text.append(text.isEmpty() ? "" : "\n\n");
        }
        int start = passage.offset();
        String body = passage.text();
        if (end > start) {
          // the overlap is already written: keep what comes after it
          int skip = Math.min(body.length(), end - start);
          body = body.substring(skip);
        } else if (end >= 0) {
          text.append("\n\n");
        }
        text.append(body);
        end = Math.max(end, start + passage.text().length());
      }
      texts.add(text.toString());
    }
    return texts;
  }

  /** The same context with only the passages from this source ({@code document}, …). */
  public RetrievedContext only(String source) {
    return new RetrievedContext(
        agent, query, passages.stream().filter(p -> source.equals(p.source())).toList());
  }

  /** The passages as a markdown block for a model's prompt; a note when there are none. */
  public String forPrompt() {
    if (passages.isEmpty()) {
      return "(nothing retrieved)";
    }
    return passages.stream()
        .map(
            p ->
                "### "
                    + p.label()
                    + (p.location().isEmpty() ? "" : " (" + p.location() + ")")
                    + "\n"
                    + p.text())
        .collect(Collectors.joining("\n\n"));
  }
}

package dev.forgeflow.agents.retrieval;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Measures retrieval on the labelled sets shipped with the tests: questions about the knowledge
 * base (each labelled with the file and section that answers it) and about a generated project
 * (each labelled with the file and a line the answering passage holds). Indexes both into the given
 * store with the given embeddings and reports recall@5, MRR@10 and the time to index a passage and
 * to answer a query.
 */
public final class RetrievalEvaluation {

  /** The project the code questions are about, as the offline planner generates it. */
  public static final String PROJECT_PROMPT =
      "A bookstore API with books (title, author, price: float) and reviews "
          + "(book_id, rating: int, comment)";

  /** One labelled set's figures. */
  public record Figures(
      String set,
      int questions,
      double recallAt5,
      double mrrAt10,
      int passages,
      double indexMsPerPassage,
      double queryMsMean,
      List<String> misses) {

    public String line() {
      return String.format(
          Locale.ROOT,
          "%-9s %3d questions  recall@5 %.3f  MRR@10 %.3f  %4d passages  index %.2f ms/passage"
              + "  query %.2f ms",
          set,
          questions,
          recallAt5,
          mrrAt10,
          passages,
          indexMsPerPassage,
          queryMsMean);
    }
  }

  private record Labelled(String question, Predicate<Chunk> answers) {}

  private RetrievalEvaluation() {}

  /**
   * Both sets' figures; the generated project's code is indexed under {@code project} (a bundle of
   * the same name), which must be new to the store.
   */
  public static List<Figures> run(Embedder embedder, VectorStore store, String project) {
    Retrieval retrieval = new Retrieval(embedder, store, KnowledgeBase.bundled());
    return List.of(knowledge(retrieval, store), code(retrieval, project));
  }

  static Figures knowledge(Retrieval retrieval, VectorStore store) {
    // indexed from scratch, so the time measured is the indexing's
    store.remove(retrieval.knowledgeCollection(), java.util.Map.of());
    long start = System.nanoTime();
    retrieval.ensureKnowledge();
    double indexMs = (System.nanoTime() - start) / 1e6;
    int passages = retrieval.knowledgeBase().chunks().size();
    List<Labelled> labelled = new ArrayList<>();
    for (String[] row : rows("knowledge-questions.tsv")) {
      String file = row[1];
      String section = row[2];
      labelled.add(
          new Labelled(
              row[0],
              chunk ->
                  file.equals(chunk.string("file")) && section.equals(chunk.string("section"))));
    }
    return measure(
        "knowledge",
        labelled,
        question ->
            retrieval.knowledge(
                question, List.of("pattern", "testing", "security", "requirements"), 10),
        passages,
        indexMs / passages);
  }

  static Figures code(Retrieval retrieval, String project) {
    SortedMap<String, String> files = generatedProject();
    long start = System.nanoTime();
    int passages = retrieval.indexCode(project, project, project, 1, shas(files), files::get);
    double indexMs = (System.nanoTime() - start) / 1e6;
    List<Labelled> labelled = new ArrayList<>();
    for (String[] row : rows("code-questions.tsv")) {
      String path = row[1];
      String marker = row[2];
      labelled.add(
          new Labelled(
              row[0], chunk -> path.equals(chunk.string("path")) && chunk.text().contains(marker)));
    }
    return measure(
        "code",
        labelled,
        question -> retrieval.code(project, project, question, 10),
        passages,
        indexMs / passages);
  }

  private static Figures measure(
      String set,
      List<Labelled> labelled,
      java.util.function.Function<String, List<ScoredChunk>> search,
      int passages,
      double indexMsPerPassage) {
    int found = 0;
    double reciprocal = 0;
    long queryNanos = 0;
    List<String> misses = new ArrayList<>();
    for (Labelled question : labelled) {
      long start = System.nanoTime();
      List<ScoredChunk> hits = search.apply(question.question());
      queryNanos += System.nanoTime() - start;
      int rank = 0;
      for (int i = 0; i < hits.size(); i++) {
        if (question.answers().test(hits.get(i).chunk())) {
          rank = i + 1;
          break;
        }
      }
      if (rank >= 1 && rank <= 5) {
        found++;
      } else {
        misses.add(question.question() + (rank == 0 ? " (not in 10)" : " (rank " + rank + ")"));
      }
      reciprocal += rank == 0 ? 0 : 1.0 / rank;
    }
    int n = labelled.size();
    return new Figures(
        set,
        n,
        (double) found / n,
        reciprocal / n,
        passages,
        indexMsPerPassage,
        queryNanos / 1e6 / n,
        misses);
  }

  /** The project the offline planner generates for {@link #PROJECT_PROMPT}: path to content. */
  public static SortedMap<String, String> generatedProject() {
    OfflinePlanner planner = new OfflinePlanner();
    ProjectCharter charter = planner.charter(PROJECT_PROMPT);
    SystemArchitecture architecture = planner.architecture(charter, null);
    SortedMap<String, String> files = new TreeMap<>();
    for (PlannedFile file : architecture.filePlan()) {
      files.put(file.path(), planner.render(file, charter, architecture));
    }
    return files;
  }

  /** Files by path with their content standing for its digest (the content is looked up by it). */
  private static SortedMap<String, String> shas(SortedMap<String, String> files) {
    SortedMap<String, String> byPath = new TreeMap<>();
    files.keySet().forEach(path -> byPath.put(path, path));
    return byPath;
  }

  private static List<String[]> rows(String name) {
    String path = "/dev/forgeflow/agents/retrieval/" + name;
    try (InputStream in = RetrievalEvaluation.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing labelled set " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> line.split("\t", -1))
          .peek(
              row -> {
                if (row.length != 3) {
                  throw new IllegalStateException(
                      name + ": not question, label, label: " + Arrays.toString(row));
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

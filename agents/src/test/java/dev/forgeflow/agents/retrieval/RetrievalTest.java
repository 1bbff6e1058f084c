package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.llm.LlmClients;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalTest {

  @TempDir Path dir;

  private Retrieval retrieval(KnowledgeBase knowledge) {
    return new Retrieval(SharedEmbedder.get(), new EmbeddedVectorStore(dir), knowledge);
  }

  @Test
  void theKnowledgeBaseIsIndexedOnlyWhenItsContentChanges() {
    KnowledgeBase first =
        KnowledgeBase.of(Map.of("fastapi-patterns.md", "# P\n\n## Routers\n\nUse APIRouter."));
    KnowledgeBase changed =
        KnowledgeBase.of(Map.of("fastapi-patterns.md", "# P\n\n## Routers\n\nUse a prefix."));

    assertThat(retrieval(first).ensureKnowledge()).as("first start").isTrue();
    assertThat(retrieval(first).ensureKnowledge()).as("restart, same content").isFalse();
    assertThat(changed.hash()).isNotEqualTo(first.hash());
    Retrieval afterChange = retrieval(changed);
    assertThat(afterChange.ensureKnowledge()).as("restart, changed content").isTrue();
    assertThat(afterChange.knowledge("routers", List.of("pattern"), 5))
        .singleElement()
        .satisfies(hit -> assertThat(hit.chunk().text()).contains("Use a prefix."));
  }

  @Test
  void withAModelAQuestionIsAnsweredFromTheCodePassagesCitingTheirLines() {
    Stores stores = InMemoryStores.create();
    String run = stores.runs().create(new NewRun("books (title)", null));
    String main =
        stores
            .bundles()
            .putBlob(
                "def price_ok(price):\n    return price > 0\n".getBytes(StandardCharsets.UTF_8));
    BundleVersion bundle = stores.bundles().createVersion(run, null, Map.of("app/prices.py", main));
    try (FakeLlmServer server =
        FakeLlmServer.start(
            request -> FakeResponse.completion("The price is checked in app/prices.py:1-2."))) {
      LlmSettings settings =
          LlmSettings.fromEnvironment(
                  Map.of(
                      "FORGEFLOW_LLM_BASE_URL", server.baseUrl(),
                      "FORGEFLOW_LLM_API_KEY", "sk-test",
                      "FORGEFLOW_LLM_MODEL", "fake-model"))
              .orElseThrow();
      CodeQuestions questions =
          new CodeQuestions(
              retrieval(KnowledgeBase.of(Map.of())),
              stores.bundles(),
              Optional.of(settings),
              Optional.of(LlmClients.openAi(settings)));

      CodeQuestions.Found found = questions.ask("p1", bundle, "where is the price checked?");

      assertThat(found.planner()).isEqualTo("model");
      assertThat(found.answer()).isEqualTo("The price is checked in app/prices.py:1-2.");
      assertThat(found.passages())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.label()).isEqualTo("app/prices.py");
                assertThat(p.startLine()).isEqualTo(1);
                assertThat(p.endLine()).isEqualTo(2);
              });
      assertThat(server.requests())
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.message("user"))
                      .contains("Question: where is the price checked?")
                      .contains("=== app/prices.py:1-2")
                      .contains("2:     return price > 0"));
    }
  }
}

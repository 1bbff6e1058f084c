package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.FakeModel;
import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.RecordedRequest;
import dev.forgeflow.workflows.artifacts.PatchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, {@code ./forgeflow run} with a model over HTTP: a scripted fake model whose first
 * {@code app/models.py} accepts non-finite floats. The attack stage of round 1's checks finds it,
 * the review reads the finding and asks for a patch, the Implementer's patch prompt carries the
 * request and the hardening rules, and round 2 is approved.
 */
class AttackRepairIT {
  private static final String PROMPT =
      "A bookstore API with books (title, author, price: float) and reviews "
          + "(book_id, rating: int, comment)";
  private static final String FINDING = "non-finite number";
  private static final Duration RUN = Duration.ofMinutes(6);

  @TempDir Path work;
  private FakeLlmServer model;

  @BeforeEach
  void startModel() {
    model =
        FakeLlmServer.start(
            new FakeModel()
                .spoilingFirstDraft("app/models.py", AttackRepairIT::acceptNonFiniteFloats)
                .patchingOn(
                    FINDING,
                    new PatchRequest(
                        "app/models.py",
                        "Floats must be finite: declare them FiniteFloat so NaN and Infinity"
                            + " are refused with 422.")));
  }

  @AfterEach
  void stopModel() {
    model.close();
  }

  @Test
  void aBundleThatStoresNonFiniteFloatsIsSentBackByTheAttackPatchedAndApprovedInRound2()
      throws Exception {
    try (CliProcess cli =
        CliProcess.start(
            work,
            Map.of(
                "FORGEFLOW_LLM_BASE_URL",
                model.baseUrl(),
                "FORGEFLOW_LLM_API_KEY",
                "sk-attack",
                "FORGEFLOW_LLM_MODEL",
                "fake-model",
                "FORGEFLOW_SANDBOX_BASE_IMAGE",
                System.getenv("FORGEFLOW_SANDBOX_BASE_IMAGE")),
            "run",
            "--no-deploy",
            PROMPT)) {
      int exit = cli.exitCode(RUN);
      String output = cli.output();

      assertThat(exit).as(output).isZero();
      assertThat(output)
          .contains("sandbox checks: FAILED")
          .contains("attack.exceptional-input.books." + FINDING)
          .contains("CWE-")
          .containsPattern("review round 1: [1-9]\\d* blocking")
          .contains("sandbox checks: passed")
          .contains("review round 2: approved")
          .containsPattern("verdict +APPROVED — approved in review round 2");
      assertThat(output.indexOf("review round 1:"))
          .isLessThan(output.indexOf("sandbox checks: passed"));
    }

    List<RecordedRequest> patches =
        model.requests().stream()
            .filter(r -> "FileDraft".equals(r.schemaName()))
            .filter(r -> r.message("user").contains("Write the file `app/models.py`"))
            .filter(r -> r.message("user").contains("(fix the review's findings"))
            .toList();
    assertThat(patches)
        .singleElement()
        .satisfies(
            patch ->
                assertThat(patch.message("user"))
                    .contains("Floats must be finite")
                    .contains("floats must be finite: annotate them `pydantic.FiniteFloat`"));
    Path written = work.resolve("generated/bookstore-api/app/models.py");
    assertThat(Files.readString(written)).contains("price: FiniteFloat");
  }

  /** The spoiled draft: plain floats, which let NaN and Infinity through to the database. */
  private static String acceptNonFiniteFloats(String models) {
    assertThat(models).contains(": FiniteFloat");
    return models.replace(": FiniteFloat", ": float");
  }
}

package dev.forgeflow.bench;

import dev.forgeflow.agents.FakeModel;
import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.workflows.artifacts.PatchRequest;
import java.io.IOException;
import java.time.Duration;

/**
 * A fake model server whose runs take two versions, for the web UI's browser test: the first draft
 * of {@code app/models.py} declares its floats plain {@code float}, so the sandbox's attack finds a
 * service that stores NaN; the review asks for the patch and the second version is approved. Prints
 * {@code listening <base url>} and serves until its standard input closes. A test fake, run by
 * {@code scripts/web-e2e}; never a model.
 */
public final class RepairModelMain {
  static final String FINDING = "non-finite number";

  private RepairModelMain() {}

  public static void main(String[] args) throws IOException {
    FakeModel model =
        new FakeModel()
            .spoilingFirstDraft(
                "app/models.py", models -> models.replace(": FiniteFloat", ": float"))
            .patchingOn(
                FINDING,
                new PatchRequest(
                    "app/models.py",
                    "Floats must be finite: declare them FiniteFloat so NaN and Infinity are"
                        + " refused with 422."));
    try (FakeLlmServer server = FakeLlmServer.start(model, Duration.ZERO)) {
      System.out.println(ModelServer.READY + server.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serving until the test lets go
      }
    }
  }
}

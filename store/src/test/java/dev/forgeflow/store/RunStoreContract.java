package dev.forgeflow.store;

import static dev.forgeflow.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RunStore} promises; run against each implementation. */
abstract class RunStoreContract {

  private final RunStore runs;

  protected RunStoreContract(Stores stores) {
    this.runs = stores.runs();
  }

  @Test
  void createdRunIsQueuedWithItsPromptAndOptions() {
    String id = runs.create(new NewRun("a todo service", "{\"maxReviewRounds\": 3}"));

    RunRecord run = runs.find(id).orElseThrow();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(run.prompt()).isEqualTo("a todo service");
    assertThat(run.status()).isEqualTo(RunStore.QUEUED);
    assertSameJson(run.optionsJson(), "{\"maxReviewRounds\": 3}");
    assertThat(run.projectName()).isNull();
    assertThat(run.resultJson()).isNull();
    assertThat(run.createdAt()).isNotNull().isEqualTo(run.updatedAt());
  }

  @Test
  void eachRunGetsItsOwnId() {
    assertThat(runs.create(new NewRun("one", null)))
        .isNotEqualTo(runs.create(new NewRun("two", null)));
  }

  @Test
  void statusProjectNameAndResultAreKept() {
    String id = runs.create(new NewRun("a library service", null));

    runs.setStatus(id, "RUNNING");
    runs.setProjectName(id, "library");
    runs.setResult(id, "{\"verdict\": \"approved\", \"rounds\": [1, 2]}");
    runs.setStatus(id, "SUCCEEDED");

    RunRecord run = runs.find(id).orElseThrow();
    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.projectName()).isEqualTo("library");
    assertSameJson(run.resultJson(), "{\"rounds\": [1, 2], \"verdict\": \"approved\"}");
    assertThat(run.optionsJson()).isNull();
    assertThat(run.updatedAt()).isAfterOrEqualTo(run.createdAt());
  }

  @Test
  void findOfAnUnknownRunIsEmpty() {
    assertThat(runs.find("no-such-run")).isEmpty();
  }

  @Test
  void updatingAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(() -> runs.setStatus("no-such-run", "RUNNING"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
    assertThatThrownBy(() -> runs.setProjectName("no-such-run", "x"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> runs.setResult("no-such-run", "{}"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void recentListsTheNewestRunsFirstUpToTheLimit() throws InterruptedException {
    String first = runs.create(new NewRun("first", null));
    Thread.sleep(5);
    String second = runs.create(new NewRun("second", null));
    Thread.sleep(5);
    String third = runs.create(new NewRun("third", null));

    List<String> recent = runs.recent(2).stream().map(RunRecord::id).toList();
    assertThat(recent).containsExactly(third, second);
    assertThat(runs.recent(3).stream().map(RunRecord::id)).containsExactly(third, second, first);
  }

  @Test
  void nulAndLoneSurrogatesInAPromptNameAndResultAreStoredAsReplacementCharacters() {
    String id = runs.create(new NewRun("books\u0000 and \ud800reviews", null));
    runs.setProjectName(id, "lib\u0000rary");
    runs.setResult(id, "{\"verdict\": \"\\u0000\"}");

    RunRecord run = runs.find(id).orElseThrow();
    assertThat(run.prompt()).isEqualTo("books\ufffd and \ufffdreviews");
    assertThat(run.projectName()).isEqualTo("lib\ufffdrary");
    assertSameJson(run.resultJson(), "{\"verdict\": \"\ufffd\"}");
  }
}

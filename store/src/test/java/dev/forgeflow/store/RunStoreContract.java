package dev.forgeflow.store;

import static dev.forgeflow.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.accounts.NewUser;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RunStore} promises; run against each implementation. */
abstract class RunStoreContract {

  private final RunStore runs;
  private final Accounts accounts;

  protected RunStoreContract(Stores stores) {
    this.runs = stores.runs();
    this.accounts = stores.accounts();
  }

  private String newUser(String name) {
    String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return accounts.createUser(new NewUser(username, null, null)).id();
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
    assertThatThrownBy(() -> runs.setSandboxHost("no-such-run", "host-a"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aRunRemembersTheDockerHostItsSandboxWorkWentToTheLastOneWhenItMoved() {
    String id = runs.create(new NewRun("a todo API", null));
    assertThat(runs.sandboxHost(id)).isEmpty();

    runs.setSandboxHost(id, "host-a");
    assertThat(runs.sandboxHost(id)).contains("host-a");
    runs.setSandboxHost(id, "host-b");
    assertThat(runs.sandboxHost(id)).contains("host-b");
    assertThat(runs.sandboxHost("no-such-run")).isEmpty();
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

  @Test
  void aRunWithoutOwnerHasNoneAndBelongsToNobody() {
    String id = runs.create(new NewRun("a todo service", null));

    assertThat(runs.find(id).orElseThrow().ownerId()).isNull();
    assertThat(runs.findOwned(newUser("ada"), id)).isEmpty();
  }

  @Test
  void theRunsOfOneOwnerAreNotListedOrFoundForAnother() throws InterruptedException {
    String ada = newUser("ada");
    String bob = newUser("bob");
    String adaFirst = runs.create(new NewRun("ada's first", null, ada));
    Thread.sleep(5);
    String bobs = runs.create(new NewRun("bob's", null, bob));
    Thread.sleep(5);
    String adaSecond = runs.create(new NewRun("ada's second", null, ada));
    runs.create(new NewRun("nobody's", null));

    assertThat(runs.recentOwned(ada, 10).stream().map(RunRecord::id))
        .containsExactly(adaSecond, adaFirst);
    assertThat(runs.recentOwned(ada, 1).stream().map(RunRecord::id)).containsExactly(adaSecond);
    assertThat(runs.recentOwned(bob, 10).stream().map(RunRecord::id)).containsExactly(bobs);
    assertThat(runs.findOwned(ada, adaFirst).orElseThrow().ownerId()).isEqualTo(ada);
    assertThat(runs.findOwned(bob, adaFirst)).isEmpty();
    assertThat(runs.findOwned(ada, bobs)).isEmpty();
    assertThat(runs.recentOwned(newUser("carol"), 10)).isEmpty();
  }

  @Test
  void aRunCannotBeOwnedBySomeoneWhoIsNotAUser() {
    assertThatThrownBy(() -> runs.create(new NewRun("a todo service", null, "no-such-user")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-user");
  }
}

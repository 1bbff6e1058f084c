package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.projects.DuplicateProjectException;
import dev.forgeflow.store.projects.Project;
import dev.forgeflow.store.projects.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProjectStore} promises, and how runs belong to projects, are created once per
 * idempotency key and listed page by page; run against each implementation.
 */
abstract class ProjectRunsContract {

  private final Stores stores;
  private final ProjectStore projects;
  private final RunStore runs;

  protected ProjectRunsContract(Stores stores) {
    this.stores = stores;
    this.projects = stores.projects();
    this.runs = stores.runs();
  }

  private String newUser() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    return stores.accounts().createUser(new NewUser(username, null, null)).id();
  }

  @Test
  void aProjectIsFoundListedRenamedAndDeletedByItsOwnerOnly() {
    String ada = newUser();
    String bob = newUser();
    Project shop = projects.create(ada, "  Shop  ");

    assertThat(shop.name()).isEqualTo("Shop");
    assertThat(projects.findOwned(ada, shop.id())).contains(shop);
    assertThat(projects.findOwned(bob, shop.id())).isEmpty();
    assertThat(projects.listOwned(bob, 10, 0)).isEmpty();
    assertThat(projects.rename(bob, shop.id(), "Mine")).isEmpty();
    assertThat(projects.delete(bob, shop.id())).isFalse();

    Project renamed = projects.rename(ada, shop.id(), "Bookshop").orElseThrow();
    assertThat(renamed.name()).isEqualTo("Bookshop");
    assertThat(projects.findNamed(ada, "BOOKSHOP")).contains(renamed);

    assertThat(projects.delete(ada, shop.id())).isTrue();
    assertThat(projects.findOwned(ada, shop.id())).isEmpty();
    assertThat(projects.listOwned(ada, 10, 0)).isEmpty();
    assertThat(projects.delete(ada, shop.id())).isFalse();
  }

  @Test
  void namesAreUniquePerOwnerWhateverTheirCaseUntilDeleted() {
    String ada = newUser();
    String bob = newUser();
    Project shop = projects.create(ada, "Shop");

    assertThatThrownBy(() -> projects.create(ada, "shop"))
        .isInstanceOf(DuplicateProjectException.class);
    assertThat(projects.create(bob, "shop").ownerId()).isEqualTo(bob);
    Project other = projects.create(ada, "Other");
    assertThatThrownBy(() -> projects.rename(ada, other.id(), "SHOP"))
        .isInstanceOf(DuplicateProjectException.class);

    projects.delete(ada, shop.id());
    assertThat(projects.create(ada, "Shop").id()).isNotEqualTo(shop.id());
  }

  @Test
  void badNamesAreRefusedWithAMessage() {
    String ada = newUser();
    assertThatThrownBy(() -> projects.create(ada, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a name");
    assertThatThrownBy(() -> projects.create(ada, "x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 characters");
    assertThatThrownBy(() -> projects.create(ada, "a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> projects.create(ada, "a\ud800b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> projects.create("no-such-user", "Shop"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void projectsAreListedNewestFirstPageByPage() throws InterruptedException {
    String ada = newUser();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(0, projects.create(ada, "p" + i).id());
      Thread.sleep(2);
    }
    assertThat(projects.listOwned(ada, 2, 0)).extracting(Project::id).isEqualTo(made.subList(0, 2));
    assertThat(projects.listOwned(ada, 2, 4)).extracting(Project::id).isEqualTo(made.subList(4, 5));
  }

  @Test
  void theRunsOfADeletedProjectAreFoundByNobody() {
    String ada = newUser();
    Project shop = projects.create(ada, "Shop");
    String run = runs.create(new NewRun("a shop", null, ada, shop.id()));
    String loose = runs.create(new NewRun("a todo list", null, ada));

    assertThat(runs.findOwned(ada, run).orElseThrow().projectId()).isEqualTo(shop.id());
    assertThat(runs.runsOf(ada, shop.id())).extracting(RunRecord::id).containsExactly(run);
    projects.delete(ada, shop.id());

    assertThat(runs.findOwned(ada, run)).isEmpty();
    assertThat(runs.findOwned(ada, loose)).isPresent();
    assertThat(runs.recentOwned(ada, 10)).extracting(RunRecord::id).containsExactly(loose);
    assertThat(runs.listOwned(new RunQuery(ada, null, null, null, 10)).runs())
        .extracting(RunRecord::id)
        .containsExactly(loose);
    assertThat(runs.runsOf(ada, shop.id())).extracting(RunRecord::id).containsExactly(run);
    assertThat(runs.runsOf("someone-else", shop.id())).isEmpty();
  }

  @Test
  void theSameKeyAndRequestMakeOneRunAnotherRequestIsAConflict() {
    String ada = newUser();
    String bob = newUser();
    NewRun request = new NewRun("a shop", "{\"maxReviewRounds\": 2}", ada);

    CreatedRun first = runs.createOnce(request, "key-1", "hash-a");
    CreatedRun again = runs.createOnce(request, "key-1", "hash-a");

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.run().id()).isEqualTo(first.run().id());
    assertThatThrownBy(() -> runs.createOnce(request, "key-1", "hash-b"))
        .isInstanceOf(IdempotencyConflictException.class)
        .hasMessageContaining(first.run().id());
    // keys are per owner
    CreatedRun bobs = runs.createOnce(new NewRun("a shop", null, bob), "key-1", "hash-b");
    assertThat(bobs.created()).isTrue();
    assertThat(runs.recentOwned(ada, 10)).hasSize(1);
  }

  @Test
  void concurrentCreatesWithOneKeyMakeOneRun() throws Exception {
    String ada = newUser();
    int clients = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<CreatedRun>> results = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        Callable<CreatedRun> create =
            () -> {
              start.await();
              return runs.createOnce(new NewRun("a shop", null, ada), "same-key", "same-hash");
            };
        results.add(pool.submit(create));
      }
      start.countDown();
      List<CreatedRun> created = new ArrayList<>();
      for (Future<CreatedRun> result : results) {
        created.add(result.get(30, TimeUnit.SECONDS));
      }
      assertThat(created).extracting(c -> c.run().id()).containsOnly(created.get(0).run().id());
      assertThat(created).filteredOn(CreatedRun::created).hasSize(1);
      assertThat(runs.recentOwned(ada, 100)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void runsAreListedPageByPageWithFilters() throws InterruptedException {
    String ada = newUser();
    Project shop = projects.create(ada, "Shop");
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      newestFirst.add(
          0, runs.create(new NewRun("run " + i, null, ada, i % 2 == 0 ? shop.id() : null)));
      Thread.sleep(2);
    }
    runs.setStatus(newestFirst.get(0), "SUCCEEDED");

    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      RunPage page = runs.listOwned(new RunQuery(ada, null, null, after, 3));
      page.runs().forEach(run -> seen.add(run.id()));
      after = page.next();
      pages++;
    } while (after != null);
    assertThat(seen).isEqualTo(newestFirst);
    assertThat(pages).isEqualTo(3);

    assertThat(runs.listOwned(new RunQuery(ada, shop.id(), null, null, 10)).runs())
        .extracting(RunRecord::id)
        .containsExactly(
            newestFirst.get(0), newestFirst.get(2), newestFirst.get(4), newestFirst.get(6));
    assertThat(runs.listOwned(new RunQuery(ada, null, "SUCCEEDED", null, 10)).runs())
        .extracting(RunRecord::id)
        .containsExactly(newestFirst.get(0));
    assertThatThrownBy(() -> runs.listOwned(new RunQuery(ada, null, null, "not-a-cursor", 10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

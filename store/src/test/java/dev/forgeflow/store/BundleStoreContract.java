package dev.forgeflow.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link BundleStore} promises; run against each implementation. */
abstract class BundleStoreContract {

  private final RunStore runs;
  protected final BundleStore bundles;

  protected BundleStoreContract(Stores stores) {
    this.runs = stores.runs();
    this.bundles = stores.bundles();
  }

  /** How many distinct contents the store holds right now. */
  protected abstract long storedContentCount();

  @Test
  void aContentIsNamedByItsSha256AndComesBackWhole() {
    String sha256 = bundles.putBlob("hello".getBytes(UTF_8));

    assertThat(sha256)
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(bundles.blob(sha256)).isEqualTo("hello".getBytes(UTF_8));
  }

  @Test
  void theSameContentIsStoredOnceHoweverOftenItIsPut() {
    long before = storedContentCount();
    byte[] content = unique("print('same')");

    String first = bundles.putBlob(content);
    String again = bundles.putBlob(content.clone());
    bundles.putBlob(unique("print('other')"));

    assertThat(again).isEqualTo(first);
    assertThat(storedContentCount() - before).isEqualTo(2);
  }

  @Test
  void versionsCountUpPerRunAndOverrideTheirBase() {
    String run = newRun();
    String main1 = bundles.putBlob(unique("main v1"));
    String models = bundles.putBlob(unique("models"));
    String main2 = bundles.putBlob(unique("main v2"));
    String tests = bundles.putBlob(unique("tests"));

    BundleVersion v1 =
        bundles.createVersion(run, null, Map.of("app/main.py", main1, "app/models.py", models));
    BundleVersion v2 =
        bundles.createVersion(
            run, v1.id(), Map.of("app/main.py", main2, "tests/test_main.py", tests));

    assertThat(v1).isEqualTo(new BundleVersion(v1.id(), run, 1, 2, v1.createdAt()));
    assertThat(v2).isEqualTo(new BundleVersion(v2.id(), run, 2, 3, v2.createdAt()));
    assertThat(v1.createdAt()).isNotNull().isBeforeOrEqualTo(v2.createdAt());
    assertThat(bundles.files(v2.id()))
        .containsExactly(
            entry("app/main.py", main2),
            entry("app/models.py", models),
            entry("tests/test_main.py", tests));
    assertThat(bundles.files(v1.id()))
        .containsExactly(entry("app/main.py", main1), entry("app/models.py", models));
    assertThat(bundles.find(v2.id())).isEqualTo(v2);
    assertThat(bundles.latest(run)).contains(v2);
    assertThat(bundles.createVersion(newRun(), null, Map.of()).version()).isEqualTo(1);
  }

  @Test
  void aFileSharedByVersionsIsStoredOnce() {
    String run = newRun();
    long before = storedContentCount();
    byte[] sharedContent = unique("shared");
    String shared = bundles.putBlob(sharedContent);
    BundleVersion v1 =
        bundles.createVersion(
            run, null, Map.of("a.py", shared, "b.py", bundles.putBlob(unique("b1"))));
    BundleVersion v2 =
        bundles.createVersion(run, v1.id(), Map.of("b.py", bundles.putBlob(unique("b2"))));
    BundleVersion v3 =
        bundles.createVersion(run, v2.id(), Map.of("c.py", bundles.putBlob(sharedContent.clone())));

    assertThat(storedContentCount() - before).isEqualTo(3);
    assertThat(bundles.files(v3.id())).containsEntry("a.py", shared).containsEntry("c.py", shared);
  }

  @Test
  void aFileMappedToNullIsLeftOutOfTheNewVersion() {
    String run = newRun();
    String content = bundles.putBlob(unique("x"));
    BundleVersion v1 =
        bundles.createVersion(run, null, Map.of("keep.py", content, "drop.py", content));
    Map<String, String> changes = new HashMap<>();
    changes.put("drop.py", null);

    BundleVersion v2 = bundles.createVersion(run, v1.id(), changes);

    assertThat(v2.fileCount()).isEqualTo(1);
    assertThat(bundles.files(v2.id())).containsOnlyKeys("keep.py");
  }

  @Test
  void concurrentVersionsOfOneRunGetConsecutiveNumbers() throws Exception {
    String run = newRun();
    String content = bundles.putBlob(unique("concurrent"));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<BundleVersion>> created = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String path = "file" + i + ".py";
        created.add(threads.submit(() -> bundles.createVersion(run, null, Map.of(path, content))));
      }
      List<Integer> versions = new ArrayList<>();
      for (Future<BundleVersion> version : created) {
        versions.add(version.get(1, TimeUnit.MINUTES).version());
      }
      assertThat(versions)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
      assertThat(bundles.latest(run).map(BundleVersion::version)).contains(20);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aRunWithoutBundlesHasNoLatest() {
    assertThat(bundles.latest(newRun())).isEmpty();
  }

  @Test
  void versionsAreTheRunsOwnInOrderEachAsFindShowsIt() {
    String run = newRun();
    String content = bundles.putBlob(unique("listed"));
    BundleVersion v1 = bundles.createVersion(run, null, Map.of("a.py", content));
    bundles.createVersion(newRun(), null, Map.of("other.py", content));
    BundleVersion v2 = bundles.createVersion(run, v1.id(), Map.of("b.py", content));

    assertThat(bundles.versions(run)).containsExactly(v1, v2);
    assertThat(bundles.versions(run)).containsExactly(bundles.find(v1.id()), bundles.find(v2.id()));
    assertThat(bundles.versions(newRun())).isEmpty();
    assertThat(bundles.versions("no-such-run")).isEmpty();
  }

  @Test
  void entriesListAVersionsFilesWithTheirSizesInPathOrder() {
    String run = newRun();
    byte[] main = unique("print('main')");
    String empty = bundles.putBlob(new byte[0]);
    String mainSha = bundles.putBlob(main);
    BundleVersion v1 =
        bundles.createVersion(
            run,
            null,
            Map.of("app/main.py", mainSha, "README.md", empty, "app/__init__.py", empty));

    assertThat(bundles.entries(v1.id()))
        .containsExactly(
            new BundleEntry("README.md", empty, 0),
            new BundleEntry("app/__init__.py", empty, 0),
            new BundleEntry("app/main.py", mainSha, main.length));
    assertThat(bundles.entries(v1.id()))
        .extracting(BundleEntry::path)
        .containsExactlyElementsOf(bundles.files(v1.id()).keySet());
    assertThat(bundles.entries(bundles.createVersion(run, null, Map.of()).id())).isEmpty();
    assertThatThrownBy(() -> bundles.entries("no-such-bundle"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-bundle");
  }

  @Test
  void unknownIdsFailNamingWhatIsMissing() {
    String run = newRun();
    assertThatThrownBy(() -> bundles.find("no-such-bundle"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-bundle");
    assertThatThrownBy(() -> bundles.files("no-such-bundle"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> bundles.blob("0".repeat(64)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("0".repeat(64));
    assertThatThrownBy(() -> bundles.createVersion(run, "no-such-base", Map.of()))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-base");
    assertThatThrownBy(() -> bundles.createVersion("no-such-run", null, Map.of()))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
    assertThat(bundles.latest(run)).isEmpty();
  }

  @Test
  void aVersionCannotNameContentThatWasNeverStoredOrABlankPath() {
    String run = newRun();
    String never = "f".repeat(64);
    String stored = bundles.putBlob(unique("stored"));

    assertThatThrownBy(() -> bundles.createVersion(run, null, Map.of("app/main.py", never)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(never);
    assertThatThrownBy(() -> bundles.createVersion(run, null, Map.of(" ", stored)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(bundles.latest(run)).isEmpty();
  }

  private String newRun() {
    return runs.create(new NewRun("bundle contract", null));
  }

  /** Content no other test stores, so counts are not disturbed by earlier tests. */
  private byte[] unique(String text) {
    return (text + " " + System.nanoTime() + " " + Math.random()).getBytes(UTF_8);
  }
}

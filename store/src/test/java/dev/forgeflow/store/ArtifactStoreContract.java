package dev.forgeflow.store;

import static dev.forgeflow.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** What every {@link ArtifactStore} promises; run against each implementation. */
abstract class ArtifactStoreContract {

  private static final String CHARTER =
      "{\"name\": \"library\", \"entities\": [{\"name\": \"Book\", \"fields\": [\"title\"]}]}";

  private final RunStore runs;
  private final ArtifactStore artifacts;

  protected ArtifactStoreContract(Stores stores) {
    this.runs = stores.runs();
    this.artifacts = stores.artifacts();
  }

  @Test
  void aSavedArtifactLoadsBackWithItsRunKindAndContent() {
    String run = newRun();

    String id = artifacts.save(run, "charter", CHARTER);
    StoredArtifact loaded = artifacts.load(id);

    assertThat(loaded.id()).isEqualTo(id);
    assertThat(loaded.runId()).isEqualTo(run);
    assertThat(loaded.kind()).isEqualTo("charter");
    assertThat(loaded.createdAt()).isNotNull();
    assertSameJson(loaded.json(), CHARTER);
  }

  @Test
  void latestIsTheLastSavedArtifactOfThatKindForThatRun() {
    String run = newRun();
    String otherRun = newRun();
    artifacts.save(run, "review", "{\"round\": 1}");
    artifacts.save(run, "architecture", "{\"files\": 3}");
    String second = artifacts.save(run, "review", "{\"round\": 2}");
    artifacts.save(otherRun, "review", "{\"round\": 9}");

    assertThat(artifacts.latest(run, "review").map(StoredArtifact::id)).contains(second);
    assertSameJson(artifacts.latest(run, "architecture").orElseThrow().json(), "{\"files\": 3}");
    assertThat(artifacts.latest(run, "charter")).isEmpty();
  }

  @Test
  void everySaveIsANewArtifact() {
    String run = newRun();

    assertThat(artifacts.save(run, "charter", CHARTER))
        .isNotEqualTo(artifacts.save(run, "charter", CHARTER));
  }

  @Test
  void loadingAnUnknownArtifactFailsNamingIt() {
    assertThatThrownBy(() -> artifacts.load("no-such-artifact"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-artifact");
  }

  @Test
  void savingForAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(() -> artifacts.save("no-such-run", "charter", CHARTER))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  private String newRun() {
    return runs.create(new NewRun("artifact contract", null));
  }

  @Test
  void anArtifactWithNulAndLoneSurrogatesIsStoredWithReplacementCharacters() {
    String run = runs.create(new NewRun("hostile artifact", null));

    String id = artifacts.save(run, "review", "{\"summary\": \"ok\\u0000\\udfff\ud800!\"}");

    assertSameJson(artifacts.load(id).json(), "{\"summary\": \"ok\ufffd\ufffd\ufffd!\"}");
  }

  @Test
  void anArtifactThatIsNotJsonFailsWithATypedFailureNamingIt() {
    String run = runs.create(new NewRun("broken artifact", null));

    assertThatThrownBy(() -> artifacts.save(run, "review", "not json"))
        .isInstanceOf(UnstorableContentException.class)
        .hasMessageContaining("review artifact of run " + run);
  }
}

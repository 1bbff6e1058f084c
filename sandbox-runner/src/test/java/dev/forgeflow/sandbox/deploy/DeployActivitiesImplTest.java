package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.SandboxMeters;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.DeployInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployActivitiesImplTest {

  @TempDir Path dir;

  @Test
  void withoutRootTheDeployFailsForGoodInOneSentenceBeforeTouchingDocker() throws Exception {
    FakeIptables fake = FakeIptables.failingLikeNonRoot(dir);
    Stores stores = InMemoryStores.create();
    StoredBundle bundle = SampleProjects.store(stores, SampleProjects.good());
    DeployActivitiesImpl activities =
        new DeployActivitiesImpl(
            null,
            SandboxInstance.of("test"),
            stores.bundles(),
            stores.journal(),
            "forgeflow/sandbox-python:test",
            DeployLimits.defaults(),
            new EgressRules(fake.path(), true),
            Clock.systemUTC());

    assertThatThrownBy(
            () -> activities.deploy(new DeployInput(bundle.runId(), "notes", bundle.bundleId())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType())
                  .isEqualTo(DeployActivitiesImpl.EGRESS_RULES_UNAVAILABLE);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .startsWith("Deploying needs host firewall rules")
                  .contains("Permission denied (you must be root)");
              EgressRulesTest.assertOneSentence(failure.getOriginalMessage());
            });
    assertThat(stores.journal().readAfter(bundle.runId(), 0, 10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo("deploy.failed");
              assertThat(e.payloadJson()).contains("Permission denied");
            });
  }

  @Test
  void aRefusedDeployIsTimedAsAnError() throws Exception {
    Stores stores = InMemoryStores.create();
    StoredBundle bundle = SampleProjects.store(stores, SampleProjects.good());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeployActivitiesImpl activities =
        new DeployActivitiesImpl(
            null,
            SandboxInstance.of("test"),
            stores.bundles(),
            stores.journal(),
            "forgeflow/sandbox-python:test",
            DeployLimits.defaults(),
            new EgressRules(FakeIptables.failingLikeNonRoot(dir).path(), true),
            Clock.systemUTC(),
            dev.forgeflow.sandbox.DockerSpans.none(),
            new SandboxMeters(registry));

    assertThatThrownBy(
            () -> activities.deploy(new DeployInput(bundle.runId(), "notes", bundle.bundleId())))
        .isInstanceOf(ApplicationFailure.class);

    assertThat(registry.get(SandboxMeters.DEPLOY).tag("outcome", "error").timer().count())
        .isEqualTo(1);
    assertThat(registry.find(SandboxMeters.DEPLOY).tag("outcome", "success").timer()).isNull();
  }
}

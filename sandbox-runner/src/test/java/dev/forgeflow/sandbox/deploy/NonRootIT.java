package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.Sandbox;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox runner without root: its janitor never runs iptables, checks run, deploys refuse. */
class NonRootIT {

  @TempDir Path dir;
  private DeployFixture fixture;

  @AfterEach
  void cleanUp() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void withoutRootChecksRunTheSweepNeverCallsIptablesAndTheDeployRefusesInOneSentence()
      throws Exception {
    FakeIptables iptables = FakeIptables.failingLikeNonRoot(dir);
    fixture = new DeployFixture(Clock.systemUTC(), new EgressRules(iptables.path(), false));
    Janitor janitor = new Janitor(fixture.docker, fixture.deployments);

    janitor.removeOrphans(Set.of(), Instant.now());
    janitor.removeExpired(Instant.now());
    StoredBundle bundle = fixture.store(SampleProjects.good());
    TestReport report =
        Sandbox.activities(
                System.getenv(),
                fixture.instance,
                fixture.stores.bundles(),
                fixture.stores.journal(),
                SandboxEngine.baseImage(),
                ProbeScripts.fromDirectory(Path.of("../agents/src/main/resources/probes")))
            .check(new CheckInput(bundle.runId(), bundle.bundleId(), 1));

    assertThat(report.passed()).as(report.summary()).isTrue();
    assertThatThrownBy(
            () ->
                fixture.activities.deploy(
                    new DeployInput(bundle.runId(), "notes", bundle.bundleId())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType())
                  .isEqualTo(DeployActivitiesImpl.EGRESS_RULES_UNAVAILABLE);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("the sandbox runner does not run as root");
              EgressRulesTest.assertOneSentence(failure.getOriginalMessage());
            });
    assertThat(fixture.deployments.containersOf(ProjectImages.project(bundle.runId()))).isEmpty();
    assertThat(iptables.calls()).isZero();
  }
}

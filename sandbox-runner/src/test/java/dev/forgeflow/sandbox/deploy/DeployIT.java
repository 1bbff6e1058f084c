package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeployIT {

  private final DeployFixture fixture = new DeployFixture();
  private final String project = DeployFixture.project();

  @AfterEach
  void cleanUp() {
    fixture.deployments.stop(project);
    fixture.close();
  }

  @Test
  void aDeployedServiceIsHealthyAndAnswersCrudOnLoopbackOnly() throws Exception {
    StoredBundle bundle = fixture.store(SampleProjects.good());
    long started = System.nanoTime();

    Deployment deployment =
        fixture.activities.deploy(new DeployInput(bundle.runId(), project, bundle.bundleId()));

    System.out.printf(
        "deploy (image build included) to healthy took %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    assertThat(deployment.status()).isEqualTo("healthy");
    assertThat(deployment.url()).isEqualTo("http://127.0.0.1:" + deployment.hostPort());
    HttpResponse<String> created =
        DeployFixture.post(deployment.url() + "/notes", "{\"title\":\"milk\",\"priority\":2}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(DeployFixture.get(deployment.url() + "/notes/1").body())
        .contains("\"title\":\"milk\"")
        .contains("\"priority\":2");
    InspectContainerResponse container =
        fixture.docker.inspectContainerCmd(deployment.containerId()).exec();
    Ports.Binding[] bindings =
        container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8000));
    assertThat(bindings)
        .singleElement()
        .satisfies(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1"));
    assertThat(container.getConfig().getLabels())
        .containsEntry(ProjectImages.PROJECT_LABEL, ProjectImages.project(bundle.runId()))
        .containsEntry(ServiceContainer.NAME_LABEL, project)
        .containsEntry(SandboxInstance.LABEL, fixture.instance.id())
        .containsEntry(ProjectImages.RUN_LABEL, bundle.runId())
        .containsEntry(ProjectImages.BUNDLE_LABEL, bundle.bundleId())
        .containsEntry(ServiceContainer.DEPLOYMENT_LABEL, "true")
        .containsKey(ServiceContainer.EXPIRES_LABEL);
    assertThat(container.getHostConfig().getLogConfig().getType().getType()).isEqualTo("json-file");
    assertThat(container.getHostConfig().getLogConfig().getConfig())
        .containsEntry("max-size", "10m")
        .containsEntry("max-file", "3");
    assertThat(fixture.docker.inspectImageCmd(deployment.image()).exec().getConfig().getLabels())
        .containsEntry(SandboxInstance.LABEL, fixture.instance.id());
    JournalEvent ready = fixture.stores.journal().readAfter(bundle.runId(), 0, 10).get(0);
    assertThat(ready.type()).isEqualTo("deploy.ready");
    assertThat(ready.payloadJson())
        .contains("\"url\":\"" + deployment.url() + "\"")
        .contains("\"hostPort\":" + deployment.hostPort());
  }

  @Test
  void redeployReplacesTheOldContainerOnlyOnceTheNewOneIsHealthyAndStopRemovesIt()
      throws Exception {
    StoredBundle bundle = fixture.store(SampleProjects.good());
    Deployment first =
        fixture.activities.deploy(new DeployInput(bundle.runId(), project, bundle.bundleId()));
    try (Poller poller = Poller.following(fixture.stores.journal(), bundle.runId())) {
      Deployment second =
          fixture.redeploy(
              bundle.runId(),
              project,
              SampleProjects.withChange("app/main.py", "title=\"Notes\"", "title=\"Notes 2\""));
      poller.awaitAnswerFrom(second.url());

      assertThat(poller.failures()).as("requests that failed during the redeploy").isEmpty();
      assertThat(poller.answered()).isGreaterThan(5);
      assertThat(second.containerId()).isNotEqualTo(first.containerId());
      assertThat(second.project()).isEqualTo(first.project());
    }
    assertThatThrownBy(() -> fixture.docker.inspectContainerCmd(first.containerId()).exec())
        .isInstanceOf(NotFoundException.class);
    assertThat(fixture.deployments.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.project()).isEqualTo(first.project());
              assertThat(d.name()).isEqualTo(project);
              assertThat(d.status()).isEqualTo("running");
              assertThat(DeployFixture.get(d.url() + "/openapi.json").body()).contains("Notes 2");
            });

    assertThat(fixture.deployments.stop(project)).isTrue();

    assertThat(fixture.deployments.containersOf(first.project())).isEmpty();
    assertThat(networkExists(fixture.network(first))).isFalse();
    assertThat(fixture.deployments.stop(project)).isFalse();
  }

  @Test
  void aNewVersionThatNeverBecomesHealthyLeavesTheOldOneServing() throws Exception {
    StoredBundle bundle = fixture.store(SampleProjects.good());
    Deployment first =
        fixture.activities.deploy(new DeployInput(bundle.runId(), project, bundle.bundleId()));

    assertThatThrownBy(
            () ->
                fixture.redeploy(
                    bundle.runId(),
                    project,
                    SampleProjects.withChange(
                        "app/main.py", "database.init_db()", "raise RuntimeError(\"broken\")")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("DeployUnhealthy");
              assertThat(failure.getOriginalMessage())
                  .contains("the previous version keeps serving");
            });

    assertThat(fixture.deployments.containersOf(first.project()))
        .singleElement()
        .satisfies(c -> assertThat(c.getId()).isEqualTo(first.containerId()));
    assertThat(DeployFixture.get(first.url() + "/notes").statusCode()).isEqualTo(200);
  }

  @Test
  void logsTailAndFollowTheService() throws Exception {
    Deployment deployment = fixture.deploy(project, SampleProjects.good());
    DeployFixture.get(deployment.url() + "/notes");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

    try (LogStream stream = fixture.deployments.logs(project, 100, true, lines::add)) {
      DeployFixture.get(deployment.url() + "/notes/77");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (lines.stream().noneMatch(l -> l.contains("/notes/77"))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    assertThat(lines).anyMatch(l -> l.contains("Uvicorn running on http://0.0.0.0:8000"));
    assertThat(lines).anyMatch(l -> l.contains("GET /notes/77") && l.contains("404"));
  }

  @Test
  void removeRunResourcesRemovesContainerNetworkRulesAndImageAndCanRunTwice() {
    StoredBundle bundle = fixture.store(SampleProjects.good());
    Deployment deployment =
        fixture.activities.deploy(new DeployInput(bundle.runId(), project, bundle.bundleId()));
    String bridge = fixture.bridge(deployment);
    assertThat(fixture.rules.list("DOCKER-USER")).anyMatch(rule -> rule.contains(bridge));

    fixture.activities.removeRunResources(bundle.runId());
    fixture.activities.removeRunResources(bundle.runId());

    assertThatThrownBy(() -> fixture.docker.inspectContainerCmd(deployment.containerId()).exec())
        .isInstanceOf(NotFoundException.class);
    assertThat(networkExists(fixture.network(deployment))).isFalse();
    assertThat(fixture.rules.list("DOCKER-USER")).noneMatch(rule -> rule.contains(bridge));
    assertThat(fixture.rules.list("INPUT")).noneMatch(rule -> rule.contains(bridge));
    assertThat(
            fixture
                .docker
                .listImagesCmd()
                .withLabelFilter(Map.of(ProjectImages.RUN_LABEL, bundle.runId()))
                .exec())
        .isEmpty();
  }

  @Test
  void aServiceThatNeverStartsIsRemovedAndFailsWithItsLog() {
    StoredBundle bundle =
        fixture.store(
            SampleProjects.withChange(
                "app/main.py", "database.init_db()", "raise RuntimeError(\"no database here\")"));

    assertThatThrownBy(
            () ->
                fixture.activities.deploy(
                    new DeployInput(bundle.runId(), project, bundle.bundleId())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("DeployUnhealthy");
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("RuntimeError: no database here");
            });
    String projectId = ProjectImages.project(bundle.runId());
    assertThat(fixture.deployments.containersOf(projectId)).isEmpty();
    assertThat(networkExists(SandboxNetwork.name(fixture.instance, projectId))).isFalse();
    assertThat(fixture.stores.journal().readAfter(bundle.runId(), 0, 10))
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo("deploy.failed"));
  }

  private boolean networkExists(String name) {
    try {
      fixture.docker.inspectNetworkCmd().withNetworkId(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}

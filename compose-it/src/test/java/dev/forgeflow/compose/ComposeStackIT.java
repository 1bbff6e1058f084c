package dev.forgeflow.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The top-level {@code compose.yml}, for real: brought up with the images {@code
 * scripts/compose-images} built, a user and an API token created through the gateway, a pipeline
 * run end to end with the offline planner and its service deployed by the sandbox-runner container,
 * then everything taken down, leaving no container, network or volume of the project. Needs {@code
 * FORGEFLOW_IT_COMPOSE}, the settings file {@code scripts/compose-images} wrote ({@code
 * scripts/test} provides it); skipped without it.
 */
class ComposeStackIT {

  private static final Duration UP = Duration.ofMinutes(5);
  private static final Duration RUN = Duration.ofMinutes(15);
  private static final String DOCKER_SOCKET = "/var/run/docker.sock";
  private static final String NOT_PROVIDED =
      "ComposeStackIT skipped: FORGEFLOW_IT_COMPOSE is not set, so the compose images were not"
          + " provided; run scripts/compose-images (scripts/test does) and export"
          + " FORGEFLOW_IT_COMPOSE=<its settings file>";

  @Test
  void pipelineRunsThroughTheGatewayAndTheSandboxRunnerDeploysIt(@TempDir Path home)
      throws Exception {
    String settings = System.getenv("FORGEFLOW_IT_COMPOSE");
    if (settings == null || settings.isBlank()) {
      // said on the console too: a skipped test's reason otherwise shows only in its report
      System.err.println(NOT_PROVIDED);
    }
    assumeTrue(settings != null && !settings.isBlank(), NOT_PROVIDED);
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Map<String, String> env = ComposeImages.withApp(repo, Path.of(settings));
    Ports ports = Ports.free();
    env.putAll(ports.settings());
    env.put("FORGEFLOW_POSTGRES_PASSWORD", UUID.randomUUID().toString());
    env.put("FORGEFLOW_SANDBOX_HOST", "compose-it-1");
    env.put("FORGEFLOW_SANDBOX_HOST_2", "compose-it-2");
    String project = "ffit" + UUID.randomUUID().toString().substring(0, 8);

    DockerComposeContainer<?> stack =
        new DockerComposeContainer<>(project, new File(repo.toFile(), "compose.yml"))
            .withLocalCompose(true)
            .withPull(false)
            .withBuild(false)
            .withRemoveVolumes(true)
            .withEnv(env)
            // both sandbox runners: two hosts' queues on this engine
            .withOptions("--profile scale-out")
            .waitingFor("app_1", Wait.forHealthcheck().withStartupTimeout(UP))
            .waitingFor("sandbox-runner_1", Wait.forHealthcheck().withStartupTimeout(UP))
            .waitingFor("sandbox-runner-2_1", Wait.forHealthcheck().withStartupTimeout(UP));
    String composeProject = null;
    String runId = null;
    String checkedId = null;
    try {
      stack.start();
      composeProject =
          stack
              .getContainerByServiceName("app_1")
              .orElseThrow()
              .getContainerInfo()
              .getConfig()
              .getLabels()
              .get("com.docker.compose.project");
      assertThat(composeProject).startsWith(project);
      assertThat(mountPoints(stack, "app_1")).doesNotContain(DOCKER_SOCKET);
      assertThat(mountPoints(stack, "sandbox-runner_1")).contains(DOCKER_SOCKET);
      assertThat(mountPoints(stack, "sandbox-runner-2_1")).contains(DOCKER_SOCKET);
      Gateway gateway = Gateway.signUp(ports.gateway(), "compose-it");
      String projectId =
          gateway.post("/api/projects", Map.of("name", "bookshop")).get("id").asText();
      runId =
          gateway
              .post(
                  "/api/projects/" + projectId + "/runs",
                  Map.of(
                      "prompt",
                      "A bookshop API with books (title, author, price: float)",
                      "sandbox",
                      "deploy"))
              .get("id")
              .asText();
      // a second run at the same time goes to the other host: the least loaded is chosen
      checkedId =
          gateway
              .post(
                  "/api/projects/" + projectId + "/runs",
                  Map.of("prompt", "A notes API with notes (title, body)", "sandbox", "check"))
              .get("id")
              .asText();
      JsonNode run = gateway.awaitEnd(runId, RUN);
      assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
      JsonNode checked = gateway.awaitEnd(checkedId, RUN);
      assertThat(checked.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(java.util.Set.of(gateway.sandboxHost(runId), gateway.sandboxHost(checkedId)))
          .containsExactlyInAnyOrder("compose-it-1", "compose-it-2");
      // app's management port: the runs counted by outcome, next to Temporal's own metrics
      java.net.http.HttpResponse<String> metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + ports.management() + "/actuator/prometheus"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .containsPattern("forgeflow_runs_finished_total\\{[^}]*outcome=\"APPROVED\"[^}]*} 2\\.0")
          .contains("temporal_");

      JsonNode deployment = gateway.get("/api/runs/" + runId + "/deployment");
      assertThat(deployment.get("state").asText()).isEqualTo("healthy");
      assertThat(deployment.get("url").asText()).startsWith("http://127.0.0.1:");
      assertThat(DockerCli.labelledContainers("dev.forgeflow.run=" + runId)).isNotEmpty();
      assertThat(gateway.status("/api/runs/" + runId + "/deployment/proxy/openapi.json"))
          .isEqualTo(200);
      // app has no Docker daemon: it follows the service's log as the runner journalled it
      assertThat(gateway.logUntil(runId, "/openapi.json", Duration.ofSeconds(60)))
          .anyMatch(line -> line.contains("GET /openapi.json"));

      // the CLI on this machine, pointed at the gateway: the same service, through the API
      CliJar cli =
          new CliJar(
              repo.resolve("cli/target/forgeflow.jar"), gateway.base(), gateway.token(), home);
      CliJar.Result listed = cli.run("deployments");
      assertThat(listed.exitCode()).as(listed.output()).isZero();
      assertThat(listed.output())
          .contains("bookshop")
          .contains("healthy")
          .contains(runId)
          .contains(gateway.base() + "/api/runs/" + runId + "/deployment/proxy/");
      CliJar.Result logs = cli.run("logs", "bookshop", "--tail", "500");
      assertThat(logs.exitCode()).as(logs.output()).isZero();
      assertThat(logs.output()).contains("GET /openapi.json");
      CliJar.Result stopped = cli.run("stop", runId);
      assertThat(stopped.exitCode()).as(stopped.output()).isZero();
      assertThat(stopped.output()).contains("stopped " + runId);
      assertThat(gateway.status("/api/runs/" + runId + "/deployment")).isEqualTo(404);
      CliJar.Result none = cli.run("logs", "bookshop");
      assertThat(none.exitCode()).as(none.output()).isEqualTo(1);
      assertThat(none.output()).contains("no deployment of project bookshop");

      // deleting the project has each run's images removed on the host it ran on: app has no
      // Docker, so it asks the runners
      assertThat(DockerCli.labelledImages("dev.forgeflow.run=" + runId)).isNotEmpty();
      assertThat(gateway.delete("/api/projects/" + projectId)).isEqualTo(204);
      java.time.Instant retired = java.time.Instant.now().plus(Duration.ofSeconds(90));
      while ((!DockerCli.labelledImages("dev.forgeflow.run=" + runId).isEmpty()
              || !DockerCli.labelledImages("dev.forgeflow.run=" + checkedId).isEmpty())
          && java.time.Instant.now().isBefore(retired)) {
        Thread.sleep(1_000);
      }
      assertThat(DockerCli.labelledImages("dev.forgeflow.run=" + runId)).isEmpty();
      assertThat(DockerCli.labelledImages("dev.forgeflow.run=" + checkedId)).isEmpty();
    } finally {
      stack.stop();
      for (String id : java.util.Arrays.asList(runId, checkedId)) {
        if (id != null) {
          DockerCli.removeRunResources(id);
          assertThat(DockerCli.labelledContainers("dev.forgeflow.run=" + id)).isEmpty();
        }
      }
      if (composeProject != null) {
        assertThat(DockerCli.composeResources(composeProject)).isEmpty();
      }
    }
  }

  /** Where the service's container has mounts. */
  private static List<String> mountPoints(DockerComposeContainer<?> stack, String service) {
    return stack
        .getContainerByServiceName(service)
        .orElseThrow()
        .getContainerInfo()
        .getMounts()
        .stream()
        .map(mount -> mount.getDestination().getPath())
        .toList();
  }
}

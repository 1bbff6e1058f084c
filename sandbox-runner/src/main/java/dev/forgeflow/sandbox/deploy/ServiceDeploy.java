package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deploy, blue/green: start the project's new container beside the old one, wait until it is
 * healthy, then remove the old one. The service never stops answering; a new version that does not
 * become healthy is removed and the old one keeps serving. The new container has its own host port,
 * so the deployment's URL changes with each deploy (the record and the journal say so).
 */
final class ServiceDeploy {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDeploy.class);
  static final int LOG_TAIL = 40;

  /**
   * How long the old container keeps serving once the new one is healthy and journalled, so that
   * clients following the deployment's URL move over before the old port closes.
   */
  static final Duration DRAIN = Duration.ofSeconds(1);

  private final DockerClient docker;
  private final Deployments deployments;
  private final SandboxNetwork networks;
  private final DeployLimits limits;
  private final Clock clock;
  private final DeployJournal journal;
  private final SandboxInstance instance;

  ServiceDeploy(
      DockerClient docker,
      SandboxInstance instance,
      EgressRules rules,
      DeployLimits limits,
      Clock clock,
      DeployJournal journal) {
    this.docker = docker;
    this.instance = instance;
    this.deployments = new Deployments(docker, rules, instance);
    this.networks = new SandboxNetwork(docker, rules);
    this.limits = limits;
    this.clock = clock;
    this.journal = journal;
  }

  Deployment run(DeployInput input, String image) {
    long started = System.nanoTime();
    String projectId = ProjectImages.project(input.runId());
    Map<String, String> labels =
        ServiceContainer.labels(
            instance,
            input.runId(),
            input.project(),
            input.bundleId(),
            clock.instant().plus(limits.ttl()));
    List<Container> previous = deployments.containersOf(projectId);
    String network = networks.ensure(instance, projectId, labels);
    String id;
    try {
      id = ServiceContainer.start(docker, image, network, labels, limits);
    } catch (RuntimeException e) {
      networks.removeIfUnused(network);
      throw e;
    }
    Deployment deployment;
    try {
      deployment = awaitHealthy(input, projectId, id, image, !previous.isEmpty());
    } catch (RuntimeException e) {
      deployments.remove(id);
      throw e;
    }
    journal.ready(input, deployment);
    if (!previous.isEmpty()) {
      drain(deployment.url());
      previous.forEach(old -> deployments.remove(old.getId()));
    }
    LOG.info(
        "deployed {} ({}) at {} in {} ms",
        input.project(),
        projectId,
        deployment.url(),
        millisSince(started));
    return deployment;
  }

  private Deployment awaitHealthy(
      DeployInput input, String projectId, String id, String image, boolean oldServes) {
    int port = ServiceContainer.hostPort(docker.inspectContainerCmd(id).exec());
    String url = "http://" + ServiceContainer.LOOPBACK + ":" + port;
    if (!HealthCheck.await(url, limits.healthTimeout(), () -> running(id))) {
      throw unhealthy(input, id, oldServes);
    }
    return new Deployment(projectId, id, image, port, url, "healthy");
  }

  private static void drain(String newUrl) {
    HealthCheck.heartbeat(newUrl);
    try {
      Thread.sleep(DRAIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean running(String id) {
    try {
      InspectContainerResponse.ContainerState state =
          docker.inspectContainerCmd(id).exec().getState();
      return Boolean.TRUE.equals(state.getRunning());
    } catch (NotFoundException gone) {
      return false;
    }
  }

  private ApplicationFailure unhealthy(DeployInput input, String id, boolean oldServes) {
    String status = Deployments.status(docker.inspectContainerCmd(id).exec().getState());
    String message =
        "The service of "
            + input.project()
            + " did not answer GET /docs with 200 within "
            + limits.healthTimeout().toSeconds()
            + "s ("
            + status
            + (oldServes ? "; the previous version keeps serving" : "")
            + "); the last lines of its log:\n"
            + String.join("\n", logTail(id));
    deployments.remove(id);
    journal.failed(input, message);
    return ApplicationFailure.newNonRetryableFailure(message, "DeployUnhealthy");
  }

  private List<String> logTail(String id) {
    List<String> lines = new ArrayList<>();
    try (LogStream stream =
        docker
            .logContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withTail(LOG_TAIL)
            .exec(new LogStream(line -> addLine(lines, line)))) {
      stream.awaitEnd(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.io.IOException ignored) {
      // the lines read so far are what there is
    }
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private static void addLine(List<String> lines, String line) {
    synchronized (lines) {
      lines.add(line);
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}

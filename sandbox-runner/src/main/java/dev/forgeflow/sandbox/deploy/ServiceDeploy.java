package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
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

/** One deploy: replace the project's container with a new one and wait for it to be healthy. */
final class ServiceDeploy {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDeploy.class);
  static final int LOG_TAIL = 40;

  private final DockerClient docker;
  private final Deployments deployments;
  private final SandboxNetwork networks;
  private final DeployLimits limits;
  private final Clock clock;
  private final DeployJournal journal;

  ServiceDeploy(
      DockerClient docker,
      EgressRules rules,
      DeployLimits limits,
      Clock clock,
      DeployJournal journal) {
    this.docker = docker;
    this.deployments = new Deployments(docker, rules);
    this.networks = new SandboxNetwork(docker, rules);
    this.limits = limits;
    this.clock = clock;
    this.journal = journal;
  }

  Deployment run(DeployInput input, String image) {
    long started = System.nanoTime();
    deployments.stop(input.project());
    Map<String, String> labels =
        ServiceContainer.labels(
            input.runId(), input.project(), input.bundleId(), clock.instant().plus(limits.ttl()));
    String network = networks.create(input.project(), labels);
    String id;
    try {
      id = ServiceContainer.start(docker, image, network, labels, limits);
    } catch (RuntimeException e) {
      networks.remove(network);
      throw e;
    }
    Deployment deployment;
    try {
      deployment = awaitHealthy(input, id, image);
    } catch (RuntimeException e) {
      deployments.remove(id);
      throw e;
    }
    LOG.info("deployed {} at {} in {} ms", input.project(), deployment.url(), millisSince(started));
    journal.ready(input.runId(), deployment);
    return deployment;
  }

  private Deployment awaitHealthy(DeployInput input, String id, String image) {
    int port = ServiceContainer.hostPort(docker.inspectContainerCmd(id).exec());
    String url = "http://" + ServiceContainer.LOOPBACK + ":" + port;
    if (!HealthCheck.await(url, limits.healthTimeout(), () -> running(id))) {
      throw unhealthy(input, id);
    }
    return new Deployment(input.project(), id, image, port, url, "healthy");
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

  private ApplicationFailure unhealthy(DeployInput input, String id) {
    String status = Deployments.status(docker.inspectContainerCmd(id).exec().getState());
    String message =
        "The service of "
            + input.project()
            + " did not answer GET /docs with 200 within "
            + limits.healthTimeout().toSeconds()
            + "s ("
            + status
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

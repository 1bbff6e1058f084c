package dev.forgeflow.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.forgeflow.sandbox.deploy.DeploymentInfo;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.deploy.LogStream;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The deployments on the Docker daemon: list them, read a log, stop one. Needs only Docker. */
final class SandboxCommands {
  private SandboxCommands() {}

  @Command(
      name = "deployments",
      mixinStandardHelpOptions = true,
      description = "List the running project services.")
  static final class ListDeployments implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      return withDocker(
          docker -> {
            List<DeploymentInfo> all = new Deployments(docker, new EgressRules()).list();
            if (all.isEmpty()) {
              System.out.println("no deployments");
            }
            for (DeploymentInfo d : all) {
              System.out.println(
                  String.format(
                      Locale.ROOT,
                      "%-28s %-22s %-26s %-12s run %s, expires %s",
                      d.name(),
                      d.project(),
                      d.url(),
                      d.status(),
                      d.runId(),
                      d.expires()));
            }
            return 0;
          });
    }
  }

  @Command(
      name = "logs",
      mixinStandardHelpOptions = true,
      description = "Show a project service's log; --follow keeps printing new lines.")
  static final class Logs implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "PROJECT",
        description = "The project's name, or its id when several projects share the name.")
    String project;

    @Option(
        names = {"-f", "--follow"},
        description = "Follow the log until Ctrl-C.")
    boolean follow;

    @Option(names = "--tail", defaultValue = "200", description = "Lines to show first.")
    int tail;

    @Override
    public Integer call() throws IOException {
      return withDocker(
          docker -> {
            try (LogStream log =
                new Deployments(docker, new EgressRules())
                    .logs(project, tail, follow, System.out::println)) {
              log.awaitEnd(follow ? Duration.ofDays(365) : Duration.ofSeconds(30));
              return 0;
            } catch (NotFoundException missing) {
              System.err.println("forgeflow: no deployment of project " + project);
              return 1;
            } catch (Deployments.AmbiguousName ambiguous) {
              System.err.println("forgeflow: " + ambiguous.getMessage());
              return 1;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return 130;
            }
          });
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop and remove a project service.")
  static final class Stop implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "PROJECT",
        description = "The project's name, or its id when several projects share the name.")
    String project;

    @Override
    public Integer call() throws IOException {
      return withDocker(
          docker -> {
            boolean stopped;
            try {
              stopped = new Deployments(docker, new EgressRules()).stop(project);
            } catch (Deployments.AmbiguousName ambiguous) {
              System.err.println("forgeflow: " + ambiguous.getMessage());
              return 1;
            }
            System.out.println(
                stopped ? "stopped " + project : "no deployment of project " + project);
            return stopped ? 0 : 1;
          });
    }
  }

  /** Something done with a Docker client. */
  interface WithDocker {
    int run(DockerClient docker) throws IOException;
  }

  static int withDocker(WithDocker action) throws IOException {
    DockerClient docker;
    try {
      docker = DockerClients.connect(System.getenv());
    } catch (DockerUnavailable unavailable) {
      System.err.println("forgeflow: " + unavailable.getMessage());
      return ExitCodes.FAILED;
    }
    try (docker) {
      return action.run(docker);
    }
  }
}

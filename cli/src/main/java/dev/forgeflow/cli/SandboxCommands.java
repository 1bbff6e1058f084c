package dev.forgeflow.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.forgeflow.sandbox.SandboxInstance;
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

/**
 * The deployed services: list them, read a log, stop one. On this machine's Docker daemon (needing
 * only Docker); or, with {@code FORGEFLOW_URL} set, the caller's services on that server, through
 * its API.
 */
final class SandboxCommands {
  private SandboxCommands() {}

  @Command(
      name = "deployments",
      mixinStandardHelpOptions = true,
      description = "List the running project services.")
  static final class ListDeployments implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      if (RemoteDeployments.remote()) {
        return RunCommands.withServer(api -> RemoteDeployments.list(api, System.out));
      }
      return withDocker(
          "forgeflow deployments",
          docker -> {
            List<DeploymentInfo> all =
                new Deployments(docker, new EgressRules(), instance()).list();
            if (all.isEmpty()) {
              System.out.println("no deployments");
            }
            for (DeploymentInfo d : all) {
              System.out.println(
                  TerminalText.clean(
                      String.format(
                          Locale.ROOT,
                          "%-28s %-22s %-26s %-12s run %s, expires %s",
                          d.name(),
                          d.project(),
                          d.url(),
                          d.status(),
                          d.runId(),
                          d.expires())));
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
        description =
            "The project's name, or its id when several projects share the name (with"
                + " FORGEFLOW_URL: the project's name or the run's id).")
    String project;

    @Option(
        names = {"-f", "--follow"},
        description = "Follow the log until Ctrl-C.")
    boolean follow;

    @Option(names = "--tail", defaultValue = "200", description = "Lines to show first.")
    int tail;

    @Override
    public Integer call() throws IOException {
      if (tail < 0 || tail > 10_000) {
        throw CliProblem.badInput("--tail takes a number of lines from 0 to 10000.");
      }
      if (RemoteDeployments.remote()) {
        return RunCommands.withServer(
            api -> RemoteDeployments.logs(api, project, tail, follow, System.out));
      }
      return withDocker(
          "forgeflow logs",
          docker -> {
            try (LogStream log =
                new Deployments(docker, new EgressRules(), instance())
                    .logs(project, tail, follow, Logs::print)) {
              log.awaitEnd(follow ? Duration.ofDays(365) : Duration.ofSeconds(30));
              return 0;
            } catch (NotFoundException missing) {
              System.err.println(
                  "forgeflow: no deployment of project " + TerminalText.clean(project) + ".");
              return 1;
            } catch (Deployments.AmbiguousName ambiguous) {
              System.err.println("forgeflow: " + TerminalText.clean(ambiguous.getMessage()));
              return ExitCodes.BAD_INPUT;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return ExitCodes.CANCELLED;
            }
          });
    }

    /**
     * A container's log line: the service's own output, so nothing in it reaches the terminal raw.
     */
    private static void print(String line) {
      System.out.println(TerminalText.clean(line));
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
      if (RemoteDeployments.remote()) {
        return RunCommands.withServer(api -> RemoteDeployments.stop(api, project, System.out));
      }
      return withDocker(
          "forgeflow stop",
          docker -> {
            boolean stopped;
            try {
              stopped = new Deployments(docker, new EgressRules(), instance()).stop(project);
            } catch (Deployments.AmbiguousName ambiguous) {
              System.err.println("forgeflow: " + TerminalText.clean(ambiguous.getMessage()));
              return ExitCodes.BAD_INPUT;
            }
            System.out.println(
                TerminalText.clean(
                    stopped ? "stopped " + project : "no deployment of project " + project));
            return stopped ? 0 : 1;
          });
    }
  }

  /** Something done with a Docker client. */
  interface WithDocker {
    int run(DockerClient docker) throws IOException;
  }

  /**
   * Runs {@code action} with a client of the daemon {@code DOCKER_HOST} names.
   *
   * @throws CliProblem if no daemon answers, or it refuses ({@link ExitCodes#ENVIRONMENT})
   */
  static int withDocker(String command, WithDocker action) throws IOException {
    DockerClient docker;
    try {
      docker = DockerClients.connect(System.getenv());
    } catch (DockerUnavailable unavailable) {
      throw CliProblem.environment(
          unavailable.unanswered()
              + ". '"
              + command
              + "' needs one: start Docker, check that this user may use it (the docker group),"
              + " or point DOCKER_HOST at a running daemon.");
    }
    try (docker) {
      return action.run(docker);
    }
  }

  /**
   * This data dir's Forgeflow, as the running stack derives it: the commands see and touch only its
   * deployments, never another instance's on the same daemon.
   */
  private static SandboxInstance instance() {
    return SandboxInstance.of(System.getenv("FORGEFLOW_DATABASE_URL"), DataDir.location());
  }
}

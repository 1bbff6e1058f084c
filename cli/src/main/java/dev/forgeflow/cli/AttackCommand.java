package dev.forgeflow.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.check.ServiceAttack;
import dev.forgeflow.sandbox.deploy.DeploymentInfo;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow attack}: the checks' attack stage against a running service, a deployed project
 * or any service at a URL, one written by hand included. Exit code 0 when nothing was found, 1 when
 * something was.
 */
@Command(
    name = "attack",
    mixinStandardHelpOptions = true,
    description = {
      "Attack a running service through its OpenAPI as a hostile client would, and report what"
          + " breaks: exceptional input, mass assignment, referential integrity, SQL injection,"
          + " access control and damage that persists, each by its CWE.",
      "Only attack services you own: the attack writes, changes and deletes rows."
    })
final class AttackCommand implements Callable<Integer> {

  static final String DEFAULT_IMAGE = "forgeflow/sandbox-python:latest";

  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      description = "The service's base URL (http://127.0.0.1:8000), or a deployed project's name.")
  String target;

  @Option(
      names = "--auth-required",
      description =
          "The service's users must sign in: check that callers without credentials are"
              + " refused, and that one user cannot reach another's rows.")
  boolean authRequired;

  @Option(
      names = "--seconds",
      defaultValue = "120",
      description = "How long the attack may take (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--json", description = "Print the attack's JSON report instead of findings.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (seconds < 15 || seconds > 3600) {
      throw CliProblem.badInput("--seconds must be between 15 and 3600, not " + seconds + ".");
    }
    return SandboxCommands.withDocker("forgeflow attack", this::attack);
  }

  private int attack(DockerClient docker) {
    SandboxInstance instance =
        SandboxInstance.of(System.getenv("FORGEFLOW_DATABASE_URL"), DataDir.location());
    String url = target.contains("://") ? target : deployedUrl(docker, instance);
    try {
      ServiceAttack.checkUrl(url);
    } catch (IllegalArgumentException notAUrl) {
      throw CliProblem.badInput(notAUrl.getMessage() + ".");
    }
    String image = System.getenv().getOrDefault("FORGEFLOW_SANDBOX_BASE_IMAGE", DEFAULT_IMAGE);
    System.err.println(TerminalText.clean("forgeflow · attacking " + url));
    ServiceAttack.Outcome outcome;
    try {
      outcome =
          ServiceAttack.run(
              docker,
              instance,
              image,
              ProbeScripts.fromClasspath(),
              url,
              authRequired,
              Duration.ofSeconds(seconds));
    } catch (NotFoundException noImage) {
      throw CliProblem.environment(
          "The sandbox base image "
              + image
              + " is not on the Docker daemon: build it with scripts/sandbox-base-image, or name"
              + " another with FORGEFLOW_SANDBOX_BASE_IMAGE.");
    }
    if (json) {
      System.out.println(outcome.reportJson().strip());
    } else {
      print(outcome);
    }
    return outcome.findings().isEmpty() ? 0 : 1;
  }

  private String deployedUrl(DockerClient docker, SandboxInstance instance) {
    List<DeploymentInfo> matches =
        new Deployments(docker, new EgressRules(), instance)
            .list().stream()
                .filter(d -> d.project().equals(target) || d.name().equals(target))
                .filter(d -> !d.url().isEmpty())
                .toList();
    if (matches.isEmpty()) {
      throw CliProblem.badInput(
          "No running deployment of project "
              + target
              + ": name a deployed project (forgeflow deployments) or give a URL such as"
              + " http://127.0.0.1:8000.");
    }
    if (matches.size() > 1) {
      throw CliProblem.badInput(
          "Several deployments are named "
              + target
              + ": name one by its project id ("
              + String.join(", ", matches.stream().map(DeploymentInfo::project).toList())
              + ").");
    }
    return matches.get(0).url();
  }

  private static void print(ServiceAttack.Outcome outcome) {
    for (CheckFailure finding : outcome.findings()) {
      String where =
          finding.file() == null ? "" : " (" + finding.file() + ":" + finding.line() + ")";
      System.out.println(
          TerminalText.clean(finding.check().replaceFirst("^attack\\.", "") + where));
      System.out.println(TerminalText.clean("    " + finding.message()));
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "%d finding(s); %d requests to %d endpoints in %.1f s",
            outcome.findings().size(),
            outcome.requests(),
            outcome.endpoints(),
            outcome.millis() / 1000.0));
  }
}

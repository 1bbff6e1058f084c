package dev.forgeflow.bench.sandbox;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.check.SandboxActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployLimits;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Times the attack stage against the functional checks it follows, in the same rounds: each round
 * is the sandbox's whole check of an offline-planned project (compile, import, pytest, CRUD probe,
 * attack), on an image already built. Prints per round and medians, minima and maxima of the
 * attack's time over the probe's and over all functional checks', and requests per endpoint.
 *
 * <p>Arguments (all optional): {@code --rounds=5 --warmups=1 --prompt=...}; the base image is
 * {@code FORGEFLOW_SANDBOX_BASE_IMAGE}. Runs as an instance of its own and removes its images.
 */
public final class AttackBenchmark {
  private AttackBenchmark() {}

  public static void main(String[] args) throws Exception {
    SandboxOptions options = SandboxOptions.parse(args, System.getenv());
    ProjectFiles project = ProjectFiles.plan(options.prompt());
    SandboxInstance instance = SandboxInstance.of("bench-" + UUID.randomUUID());
    try (DockerClient docker = DockerClients.connect(System.getenv());
        Stores stores = InMemoryStores.create()) {
      String runId = stores.runs().create(new NewRun(options.prompt(), null));
      Map<String, String> shas = new TreeMap<>();
      project.files().forEach((path, bytes) -> shas.put(path, stores.bundles().putBlob(bytes)));
      String bundleId = stores.bundles().createVersion(runId, null, shas).id();
      SandboxActivitiesImpl checks =
          new SandboxActivitiesImpl(
              docker,
              instance,
              stores.bundles(),
              stores.journal(),
              options.baseImage(),
              ProbeScripts.fromClasspath());
      try {
        List<AttackRound> rounds = new ArrayList<>();
        for (int i = 0; i < options.warmups() + options.rounds(); i++) {
          boolean warmup = i < options.warmups();
          System.out.printf("%s round %d%n", warmup ? "warm-up" : "measured", i + 1);
          TestReport report = checks.check(new CheckInput(runId, bundleId, i + 1));
          if (!warmup) {
            rounds.add(AttackRound.of(report.summary(), report.failures().size()));
          }
        }
        print(options, project, rounds);
      } finally {
        new DeployActivitiesImpl(
                docker,
                instance,
                stores.bundles(),
                stores.journal(),
                options.baseImage(),
                DeployLimits.defaults(),
                new EgressRules(),
                Clock.systemUTC())
            .removeRunResources(runId);
      }
    }
  }

  private static void print(
      SandboxOptions options, ProjectFiles project, List<AttackRound> rounds) {
    System.out.printf(
        Locale.ROOT,
        "%nbase image %s; project %s, %d files; %d rounds after %d warm-up; load average %.2f%n",
        options.baseImage(),
        project.name(),
        project.files().size(),
        rounds.size(),
        options.warmups(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(
        "round  functional     probe    attack  attack/probe  attack/functional  requests"
            + "  endpoints  per endpoint  findings");
    for (int i = 0; i < rounds.size(); i++) {
      AttackRound r = rounds.get(i);
      System.out.printf(
          Locale.ROOT,
          "%-5d  %10.0f  %8.0f  %8.0f  %12.2f  %17.2f  %8d  %9d  %12.1f  %8d%n",
          i + 1,
          r.functional(),
          r.probe(),
          r.attack(),
          r.attackPerProbe(),
          r.attackPerFunctional(),
          r.requests(),
          r.endpoints(),
          r.requestsPerEndpoint(),
          r.findings());
    }
    System.out.printf("Over %d rounds (ms unless a ratio):%n", rounds.size());
    line("functional checks", rounds, AttackRound::functional, "%.0f");
    line("CRUD probe", rounds, AttackRound::probe, "%.0f");
    line("attack stage", rounds, AttackRound::attack, "%.0f");
    line("attack / probe", rounds, AttackRound::attackPerProbe, "%.2f");
    line("attack / functional checks", rounds, AttackRound::attackPerFunctional, "%.2f");
    line("requests per endpoint", rounds, AttackRound::requestsPerEndpoint, "%.1f");
    line("findings (0 expected)", rounds, AttackRound::findings, "%.0f");
  }

  private static void line(
      String name, List<AttackRound> rounds, ToDoubleFunction<AttackRound> value, String number) {
    SandboxReport.spread(
        System.out, name, rounds.stream().map(value::applyAsDouble).toList(), number);
  }
}

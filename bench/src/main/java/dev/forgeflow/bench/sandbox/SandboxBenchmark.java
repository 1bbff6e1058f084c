package dev.forgeflow.bench.sandbox;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.deploy.DeployActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployLimits;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Times, interleaved in one run, the sandbox's container steps against two baselines, a bare {@code
 * docker run} of the base image running {@code python3 -c pass} and of the project image running
 * {@code python3 -c "import app.main"} (the irreducible start of the service): the deploy activity
 * of a bundle whose image is built (a fresh container to healthy), a project image build on the
 * warm base of content the build cache has not seen, and the blue/green redeploy of that build
 * while a client polls the service. Runs as an instance of its own; everything it creates is
 * removed at the end.
 *
 * <p>Arguments (all optional): {@code --rounds=5 --warmups=1 --prompt=...}. The base image is
 * {@code FORGEFLOW_SANDBOX_BASE_IMAGE}, by default {@code forgeflow/sandbox-python:latest}.
 */
public final class SandboxBenchmark {
  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    SandboxOptions options = SandboxOptions.parse(args, System.getenv());
    ProjectFiles project = ProjectFiles.plan(options.prompt());
    try (DockerClient docker = DockerClients.connect(System.getenv());
        Stores stores = InMemoryStores.create()) {
      String runId = stores.runs().create(new NewRun(options.prompt(), null));
      SandboxRounds rounds = new SandboxRounds(docker, stores, runId, options, project);
      try {
        List<Round> measured = rounds.measure();
        new SandboxReport(System.out).print(options, project, measured);
      } finally {
        rounds.cleanUp();
      }
    }
  }

  /** The per-round work and the state it needs; {@link #cleanUp} removes what it made. */
  private static final class SandboxRounds {
    private final DockerClient docker;
    private final Stores stores;
    private final String runId;
    private final SandboxOptions options;
    private final ProjectFiles project;
    private final String projectName;
    private final BareRun bare;
    private final DeployActivitiesImpl deployer;
    private final SandboxInstance instance = SandboxInstance.of("bench-" + UUID.randomUUID());
    private final EgressRules rules = new EgressRules();
    private int variants;

    SandboxRounds(
        DockerClient docker,
        Stores stores,
        String runId,
        SandboxOptions options,
        ProjectFiles project) {
      this.docker = docker;
      this.stores = stores;
      this.runId = runId;
      this.options = options;
      this.project = project;
      this.projectName = "bench-" + ProjectImages.project(runId).substring("project-".length());
      this.bare = new BareRun(docker, options.baseImage(), runId);
      this.deployer =
          new DeployActivitiesImpl(
              docker,
              instance,
              stores.bundles(),
              stores.journal(),
              options.baseImage(),
              DeployLimits.defaults(),
              rules,
              Clock.systemUTC());
    }

    List<Round> measure() throws IOException, InterruptedException {
      String bundleId = store(project);
      new ProjectImages(docker, instance)
          .build(runId, bundleId, stores.bundles(), options.baseImage());
      for (int i = 0; i < options.warmups(); i++) {
        System.out.printf("warm-up round %d/%d%n", i + 1, options.warmups());
        round(bundleId);
      }
      List<Round> measured = new ArrayList<>();
      for (int i = 0; i < options.rounds(); i++) {
        System.out.printf("measured round %d/%d%n", i + 1, options.rounds());
        measured.add(round(bundleId));
      }
      return measured;
    }

    /**
     * Bare run (API, then CLI), import of the app, deploy of the built bundle, build of a new
     * variant, blue/green redeploy of the variant under a polling client.
     */
    private Round round(String bundleId) throws IOException, InterruptedException {
      double api = bare.api();
      double cli = bare.cli();
      new Deployments(docker, rules, instance).stop(ProjectImages.project(runId));
      double importRun = bare.importApp(ProjectImages.tag(runId, bundleId));
      long started = System.nanoTime();
      Deployment deployment = deployer.deploy(new DeployInput(runId, projectName, bundleId));
      double deploy = millisSince(started);
      if (!"healthy".equals(deployment.status())) {
        throw new IllegalStateException("deploy ended " + deployment.status());
      }
      ProjectFiles variant = project.variant(++variants);
      String variantId = store(variant);
      started = System.nanoTime();
      new ProjectImages(docker, instance)
          .build(runId, variantId, variant.files(), options.baseImage());
      double build = millisSince(started);
      try (ServicePoller client = new ServicePoller(stores.journal(), runId)) {
        Thread.sleep(100);
        started = System.nanoTime();
        deployer.deploy(new DeployInput(runId, projectName, variantId));
        double redeploy = millisSince(started);
        Thread.sleep(300);
        client.close();
        return new Round(
            api,
            cli,
            importRun,
            deploy,
            build,
            redeploy,
            client.longestGapMillis(),
            client.failedRequests());
      }
    }

    private String store(ProjectFiles files) {
      Map<String, String> shas = new TreeMap<>();
      files.files().forEach((path, content) -> shas.put(path, stores.bundles().putBlob(content)));
      return stores.bundles().createVersion(runId, null, shas).id();
    }

    void cleanUp() {
      try {
        deployer.removeRunResources(runId);
      } finally {
        bare.removeLeftovers();
      }
    }
  }

  private static double millisSince(long started) {
    return (System.nanoTime() - started) / 1e6;
  }
}

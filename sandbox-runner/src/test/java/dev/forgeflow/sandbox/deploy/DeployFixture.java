package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Real engine, in-memory stores and the deploy activity for the deploy ITs, as an instance of its
 * own (a random {@link SandboxInstance}, so fixtures never see each other's deployments); cleans up
 * its runs.
 */
final class DeployFixture implements AutoCloseable {

  static final DeployLimits LIMITS =
      new DeployLimits(
          256L * 1024 * 1024, 128, 1_000_000_000L, Duration.ofHours(24), Duration.ofSeconds(60));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final DockerClient docker = SandboxEngine.docker();
  final Stores stores = InMemoryStores.create();
  final SandboxInstance instance;
  final EgressRules rules;
  final DeployActivitiesImpl activities;
  final Deployments deployments;
  private final List<String> runs = new ArrayList<>();

  DeployFixture() {
    this(Clock.systemUTC());
  }

  DeployFixture(Clock clock) {
    this(clock, new EgressRules());
  }

  DeployFixture(Clock clock, EgressRules rules) {
    this(clock, rules, SandboxInstance.of("it-" + UUID.randomUUID()));
  }

  /** A fixture of the given instance, as a second process of one data dir would be. */
  DeployFixture(Clock clock, EgressRules rules, SandboxInstance instance) {
    this.instance = instance;
    this.rules = rules;
    this.deployments = new Deployments(docker, rules, instance);
    activities =
        new DeployActivitiesImpl(
            docker,
            instance,
            stores.bundles(),
            stores.journal(),
            SandboxEngine.baseImage(),
            LIMITS,
            rules,
            clock);
  }

  /** A fresh project name, unique to the test. */
  static String project() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  StoredBundle store(SortedMap<String, String> files) {
    StoredBundle bundle = SampleProjects.store(stores, files);
    runs.add(bundle.runId());
    return bundle;
  }

  Deployment deploy(String project, SortedMap<String, String> files) {
    StoredBundle bundle = store(files);
    return activities.deploy(new DeployInput(bundle.runId(), project, bundle.bundleId()));
  }

  /** A new bundle version of the run, holding exactly the files. */
  StoredBundle storeAgain(String runId, SortedMap<String, String> files) {
    Map<String, String> blobs = new HashMap<>();
    files.forEach(
        (path, text) ->
            blobs.put(path, stores.bundles().putBlob(text.getBytes(StandardCharsets.UTF_8))));
    return new StoredBundle(runId, stores.bundles().createVersion(runId, null, blobs).id());
  }

  /** Deploys the files as a new version of the run's project: a redeploy. */
  Deployment redeploy(String runId, String project, SortedMap<String, String> files) {
    StoredBundle bundle = storeAgain(runId, files);
    return activities.deploy(new DeployInput(runId, project, bundle.bundleId()));
  }

  /** The network of a deployment's project. */
  String network(Deployment deployment) {
    return SandboxNetwork.name(instance, deployment.project());
  }

  /** The bridge interface of a deployment's project. */
  String bridge(Deployment deployment) {
    return SandboxNetwork.bridge(instance, deployment.project());
  }

  /** The good project with the probe router of test resources deploy/probe added. */
  static SortedMap<String, String> probeProject() {
    SortedMap<String, String> files =
        SampleProjects.withChange(
            "app/main.py",
            "app.include_router(notes.router)",
            "app.include_router(notes.router)\napp.include_router(probe.router)");
    files.put(
        "app/main.py", files.get("app/main.py").replace("import notes", "import notes, probe"));
    files.put("app/routers/probe.py", resource("/deploy/probe/app/routers/probe.py"));
    return files;
  }

  static String resource(String path) {
    try {
      return Files.readString(Path.of(DeployFixture.class.getResource(path).toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * GETs a URL; retried once when a pooled connection turns out closed (Uvicorn drops idle
   * keep-alive connections after 5 s, and a request can cross that close on the wire).
   */
  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException closedUnderfoot) {
      if (closedUnderfoot.getMessage() == null
          || !closedUnderfoot.getMessage().contains("received no bytes")) {
        throw closedUnderfoot;
      }
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  static HttpResponse<String> post(String url, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GETs a probe endpoint of a deployed probe project; it must answer 200 with JSON. */
  static JsonNode probe(Deployment deployment, String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(deployment.url() + pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    runs.forEach(activities::removeRunResources);
  }
}

package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox checks on the real engine over in-memory stores, with the test bounds; closing
 * removes the images its checks built.
 */
final class CheckFixture implements AutoCloseable {

  private final DockerClient docker = SandboxEngine.docker();
  private final Stores stores = InMemoryStores.create();
  private final SandboxActivitiesImpl activities =
      new SandboxActivitiesImpl(
          docker,
          SandboxEngine.instance(),
          stores.bundles(),
          stores.journal(),
          SandboxEngine.baseImage(),
          SandboxActivitiesIT.probe(),
          SandboxActivitiesIT.LIMITS);
  private final List<String> runs = new ArrayList<>();

  /** Checks {@code files} as a new run's first bundle; no container of it may be left. */
  TestReport check(Map<String, String> files, boolean authRequired) {
    StoredBundle bundle = SampleProjects.store(stores, files);
    runs.add(bundle.runId());
    TestReport report =
        activities.check(new CheckInput(bundle.runId(), bundle.bundleId(), 1, authRequired));
    System.out.printf("%s%n  %s%n", report.summary(), report.failures());
    assertThat(SandboxEngine.containersOf(docker, bundle.runId())).isEmpty();
    return report;
  }

  /** A test resource's text, from {@code /projects/<folder>/<name>}. */
  static String resource(String folder, String name) {
    String path = "/projects/" + folder + "/" + name;
    try (InputStream in = CheckFixture.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    runs.forEach(runId -> SandboxEngine.removeImagesOf(docker, runId));
  }
}

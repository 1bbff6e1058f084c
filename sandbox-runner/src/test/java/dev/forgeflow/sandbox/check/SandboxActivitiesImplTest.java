package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.SandboxMeters;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.sandbox.CheckInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SandboxActivitiesImplTest {

  @Test
  void aDaemonThatStoppedAnsweringFailsTheCheckRetryably() throws IOException {
    Stores stores = InMemoryStores.create();
    StoredBundle bundle = SampleProjects.store(stores, SampleProjects.good());
    SandboxActivitiesImpl activities =
        new SandboxActivitiesImpl(
            goneDaemon(),
            SandboxInstance.of("test"),
            stores.bundles(),
            stores.journal(),
            "base:1",
            new ProbeScripts("probe", "attack"));

    ApplicationFailure failure =
        catchThrowableOfType(
            () -> activities.check(new CheckInput(bundle.runId(), bundle.bundleId(), 1)),
            ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo("DockerUnavailable");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(stores.journal().readAfter(bundle.runId(), 0, 10)).isEmpty();
  }

  @Test
  void aCheckThatCouldNotBuildIsTimedAsAnErrorBothAsBuildAndAsCheck() throws IOException {
    Stores stores = InMemoryStores.create();
    StoredBundle bundle = SampleProjects.store(stores, SampleProjects.good());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SandboxActivitiesImpl activities =
        new SandboxActivitiesImpl(
            goneDaemon(),
            SandboxInstance.of("test"),
            stores.bundles(),
            stores.journal(),
            "base:1",
            new ProbeScripts("probe", "attack"),
            CheckLimits.defaults(),
            dev.forgeflow.sandbox.DockerSpans.none(),
            new SandboxMeters(registry));

    catchThrowableOfType(
        () -> activities.check(new CheckInput(bundle.runId(), bundle.bundleId(), 1)),
        ApplicationFailure.class);

    assertThat(registry.get(SandboxMeters.BUILD).tag("outcome", "error").timer().count())
        .isEqualTo(1);
    assertThat(registry.get(SandboxMeters.CHECK).tag("outcome", "error").timer().count())
        .isEqualTo(1);
  }

  @Test
  void aBundlePathThatCouldEscapeTheContextFailsTheCheckForGood() throws IOException {
    Stores stores = InMemoryStores.create();
    Map<String, String> files = new TreeMap<>(SampleProjects.good());
    files.put("../outside.py", "x = 1\n");
    StoredBundle bundle = SampleProjects.store(stores, files);
    SandboxActivitiesImpl activities =
        new SandboxActivitiesImpl(
            goneDaemon(),
            SandboxInstance.of("test"),
            stores.bundles(),
            stores.journal(),
            "base:1",
            new ProbeScripts("", ""));

    ApplicationFailure failure =
        catchThrowableOfType(
            () -> activities.check(new CheckInput(bundle.runId(), bundle.bundleId(), 1)),
            ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo("BundleRefused");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("../outside.py");
  }

  private static DockerClient goneDaemon() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI host = URI.create("tcp://127.0.0.1:" + port);
    return DockerClientImpl.getInstance(
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.toString())
            .withApiVersion(RemoteApiVersion.VERSION_1_41)
            .build(),
        new ApacheDockerHttpClient.Builder().dockerHost(host).build());
  }
}

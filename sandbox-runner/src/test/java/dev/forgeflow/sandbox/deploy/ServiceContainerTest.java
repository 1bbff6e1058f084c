package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceContainerTest {

  @Test
  void labelsNameTheInstanceProjectIdAndNameRunBundleAndExpiry() {
    SandboxInstance instance = SandboxInstance.of("data-dir");
    assertThat(
            ServiceContainer.labels(
                instance, "run-1", "bookstore", "bundle-1", Instant.ofEpochSecond(1_800_000_000L)))
        .containsEntry(SandboxInstance.LABEL, instance.id())
        .containsEntry(ProjectImages.PROJECT_LABEL, ProjectImages.project("run-1"))
        .containsEntry(ServiceContainer.NAME_LABEL, "bookstore")
        .containsEntry(ProjectImages.RUN_LABEL, "run-1")
        .containsEntry(ProjectImages.BUNDLE_LABEL, "bundle-1")
        .containsEntry(ServiceContainer.DEPLOYMENT_LABEL, "true")
        .containsEntry(ServiceContainer.EXPIRES_LABEL, "1800000000")
        .hasSize(7);
  }

  @Test
  void hostConfigLocksTheServiceDownAndPublishesOnLoopbackOnly() {
    DeployLimits limits =
        new DeployLimits(100L << 20, 64, 500_000_000L, Duration.ofHours(1), Duration.ofSeconds(5));

    HostConfig host = ServiceContainer.hostConfig("forgeflow-bookstore", limits);

    assertThat(host.getNetworkMode()).isEqualTo("forgeflow-bookstore");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getTmpFs()).containsOnlyKeys("/tmp");
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getIpcMode()).isEqualTo("none");
    assertThat(host.getSysctls())
        .containsEntry("net.ipv6.conf.all.disable_ipv6", "1")
        .containsEntry("net.ipv6.conf.default.disable_ipv6", "1");
    assertThat(host.getMemory()).isEqualTo(100L << 20);
    assertThat(host.getMemorySwap()).isEqualTo(100L << 20);
    assertThat(host.getPidsLimit()).isEqualTo(64L);
    assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
    assertThat(host.getLogConfig().getConfig())
        .containsEntry("max-size", "10m")
        .containsEntry("max-file", "3");
    Ports.Binding[] bindings = host.getPortBindings().getBindings().get(ExposedPort.tcp(8000));
    assertThat(bindings)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.getHostIp()).isEqualTo("127.0.0.1");
              assertThat(b.getHostPortSpec()).isNull();
            });
  }

  @Test
  void theEnvironmentHoldsOnlyWhatTheServiceNeeds() {
    assertThat(ServiceContainer.ENV)
        .containsExactly("HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1");
    assertThat(ServiceContainer.COMMAND)
        .containsExactly(
            "python3",
            "-I",
            "-m",
            "uvicorn",
            "app.main:app",
            "--app-dir",
            "/app",
            "--host",
            "0.0.0.0",
            "--port",
            "8000");
  }
}

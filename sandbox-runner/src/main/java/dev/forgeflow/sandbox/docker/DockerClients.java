package dev.forgeflow.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Connects to the Docker daemon the environment names, speaking the API version it speaks. */
public final class DockerClients {

  /** Where Docker listens when {@code DOCKER_HOST} is not set. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private DockerClients() {}

  /**
   * A client for the daemon at {@code DOCKER_HOST} ({@code unix://} or {@code tcp://}; {@link
   * #DEFAULT_HOST} when unset), using the lower of the daemon's API version and the newest this
   * client knows. Honours {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} for TLS.
   *
   * @param env the environment to read, usually {@code System.getenv()}
   * @throws DockerUnavailable if no daemon answers there
   */
  public static DockerClient connect(Map<String, String> env) {
    String host = host(env);
    DockerClientConfig probeConfig = config(env, host, ApiVersionNegotiation.CLIENT_MAX);
    RemoteApiVersion version;
    try (DockerHttpClient http = http(probeConfig, Duration.ofSeconds(5))) {
      version = ApiVersionNegotiation.negotiate(http, host);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DockerClientConfig config = config(env, host, version);
    return DockerClientImpl.getInstance(config, http(config, Duration.ofMinutes(10)));
  }

  /** The daemon address {@code env} names. */
  static String host(Map<String, String> env) {
    String host = env.getOrDefault("DOCKER_HOST", "");
    return host.isBlank() ? DEFAULT_HOST : host.trim();
  }

  private static DockerClientConfig config(
      Map<String, String> env, String host, RemoteApiVersion version) {
    DefaultDockerClientConfig.Builder builder =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host)
            .withApiVersion(version)
            .withDockerTlsVerify(env.getOrDefault("DOCKER_TLS_VERIFY", "0").equals("1"));
    if (env.containsKey("DOCKER_CERT_PATH")) {
      builder.withDockerCertPath(env.get("DOCKER_CERT_PATH"));
    }
    return builder.build();
  }

  private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout) {
    return new ApacheDockerHttpClient.Builder()
        .dockerHost(URI.create(config.getDockerHost().toString()))
        .sslConfig(config.getSSLConfig())
        .maxConnections(32)
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(responseTimeout)
        .build();
  }
}

package dev.forgeflow.sandbox.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the API version to speak: the daemon's own, capped at the newest this client knows. Asks
 * the unversioned {@code /version} endpoint, which every daemon answers whatever it speaks.
 */
final class ApiVersionNegotiation {

  /** The newest API version the docker-java client is built for. */
  static final RemoteApiVersion CLIENT_MAX = RemoteApiVersion.VERSION_1_44;

  private static final int CLIENT_MAX_MINOR = 44;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  private ApiVersionNegotiation() {}

  /** Asks the daemon for its API version; throws {@link DockerUnavailable} if none answers. */
  static RemoteApiVersion negotiate(DockerHttpClient http, String host) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path("/version")
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream body = response.getBody()) {
      if (response.getStatusCode() != 200) {
        throw new DockerUnavailable(host, "GET /version answered " + response.getStatusCode());
      }
      JsonNode version = JSON.readTree(body);
      return choose(version.path("ApiVersion").asText(""));
    } catch (IOException | RuntimeException e) {
      if (e instanceof DockerUnavailable unavailable) {
        throw unavailable;
      }
      throw new DockerUnavailable(host, reason(e));
    }
  }

  /** The lower of the daemon's API version and {@link #CLIENT_MAX}. */
  static RemoteApiVersion choose(String daemonApiVersion) {
    Matcher matcher = VERSION.matcher(daemonApiVersion == null ? "" : daemonApiVersion.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not an API version: '" + daemonApiVersion + "'");
    }
    int major = Integer.parseInt(matcher.group(1));
    int minor = Integer.parseInt(matcher.group(2));
    boolean newer = major > 1 || (major == 1 && minor > CLIENT_MAX_MINOR);
    return newer ? CLIENT_MAX : RemoteApiVersion.create(major, minor);
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}

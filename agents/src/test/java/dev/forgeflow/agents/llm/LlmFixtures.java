package dev.forgeflow.agents.llm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small factories for requests and settings used across the llm tests. */
final class LlmFixtures {
  static final String KEY = "sk-test-secret-4242";

  private LlmFixtures() {}

  static LlmSettings settings(String... baseUrls) {
    return settings(Duration.ofSeconds(10), baseUrls);
  }

  static LlmSettings settings(Duration timeout, String... baseUrls) {
    List<LlmEndpoint> endpoints =
        Arrays.stream(baseUrls).map(url -> new LlmEndpoint(url, KEY)).toList();
    return new LlmSettings(endpoints, "fake-model", Map.of(), timeout, Map.of());
  }

  static LlmRequest request(String agent) {
    return new LlmRequest("run-1", agent, "fake-model", "You are terse.", "Say hi.", null, false);
  }

  /** A loopback URL nothing listens on. */
  static String closedPortUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.forgeflow.compose;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Free loopback ports for what the stack publishes, so it never clashes with this machine's. */
record Ports(int gateway, int management, int postgres, int temporal, int temporalUi, int chroma) {

  static Ports free() throws IOException {
    return new Ports(one(), one(), one(), one(), one(), one());
  }

  /** The compose settings that publish on these ports. */
  Map<String, String> settings() {
    return Map.of(
        "FORGEFLOW_PUBLISH_GATEWAY_PORT", String.valueOf(gateway),
        "FORGEFLOW_MANAGEMENT_PORT", String.valueOf(management),
        "FORGEFLOW_PUBLISH_POSTGRES_PORT", String.valueOf(postgres),
        "FORGEFLOW_PUBLISH_TEMPORAL_PORT", String.valueOf(temporal),
        "FORGEFLOW_PUBLISH_TEMPORAL_UI_PORT", String.valueOf(temporalUi),
        "FORGEFLOW_PUBLISH_CHROMA_PORT", String.valueOf(chroma));
  }

  private static int one() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}

package dev.forgeflow.bench;

import dev.forgeflow.agents.llm.FakeLlmServer;
import java.io.IOException;
import java.time.Duration;

/**
 * The fake model server in a process of its own, so that the worker's heap and threads are the
 * worker's alone: prints {@code listening <base url>} and serves until its standard input closes
 * (the benchmark closing it, or ending).
 */
public final class ModelServerMain {
  private ModelServerMain() {}

  /** One argument: the latency in milliseconds the server adds to every call. */
  public static void main(String[] args) throws IOException {
    Duration latency = Duration.ofMillis(Long.parseLong(args[0]));
    try (FakeLlmServer server = FakeLlmServer.start(new SixFileModel(), latency)) {
      System.out.println(ModelServer.READY + server.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serving until the benchmark lets go
      }
    }
  }
}

package dev.forgeflow.bench.sse;

import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.NewUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every level uses: the database's data dir and the benchmark's own stores over it (which
 * append the events), the gateway in its JVM, and one user whose token opens every stream.
 */
record Fixture(Path dataDir, Stores stores, GatewayProcess gateway, String userId, String token) {

  /** The fixture over these stores and gateway, with a new user and their token. */
  static Fixture of(Path dataDir, Stores stores, GatewayProcess gateway) {
    String userId = stores.accounts().createUser(new NewUser("sse-bench", null, null)).id();
    String token = stores.accounts().issueToken(userId, "sse-bench").secret();
    return new Fixture(dataDir, stores, gateway, userId, token);
  }

  /** {@code count} new runs of the user, their journals empty. */
  List<String> newRuns(int count) {
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(stores.runs().create(new NewRun("SSE benchmark run", null, userId)));
    }
    return runs;
  }

  /** A client with room for {@code streams} connections at once. */
  SseClient client(int streams) {
    return SseClient.open(gateway.baseUrl(), streams + 16);
  }

  CpuTimes cpu() {
    return CpuTimes.sample(gateway.pid(), dataDir);
  }
}

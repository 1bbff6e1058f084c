package dev.forgeflow.gateway;

import dev.forgeflow.store.Database;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.workflows.journal.Fact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * An embedded PostgreSQL, migrated, and the gateway over it on a random port of 127.0.0.1, with
 * clients that may hold hundreds of streams open at once. Closing stops all of it.
 */
final class RunningGateway implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  /** A user and one of their personal API tokens. */
  record Owner(String userId, String token) {}

  final Stores stores;
  final FakePipelines pipelines = new FakePipelines();
  final FakeDeploymentPort deployments = new FakeDeploymentPort();
  final String base;
  final WebClient client;
  final WebTestClient testClient;
  private final EmbeddedDatabase database;
  private final List<String> settings;
  private final int port;
  private volatile ConfigurableApplicationContext gateway;
  private final ConnectionProvider connections;

  private RunningGateway(Path dataDir, String... properties) {
    NonBlocking.install();
    database = EmbeddedDatabase.start(dataDir);
    Database.migrate(database.dataSource());
    stores = Stores.postgres(database.dataSource());
    settings = new ArrayList<>(List.of(properties));
    settings.add("server.address=127.0.0.1");
    settings.add("forgeflow.gateway.database.url=" + database.jdbcUrl());
    settings.add("forgeflow.gateway.database.user=" + database.user());
    settings.add("forgeflow.gateway.database.password=" + database.password());
    gateway = startGateway(0);
    port = ((ReactiveWebServerApplicationContext) gateway).getWebServer().getPort();
    base = "http://127.0.0.1:" + port;
    connections =
        ConnectionProvider.builder("gateway-it")
            .maxConnections(300)
            .pendingAcquireMaxCount(-1)
            .build();
    ReactorClientHttpConnector connector =
        new ReactorClientHttpConnector(HttpClient.create(connections));
    client = WebClient.builder().clientConnector(connector).baseUrl(base).build();
    testClient =
        WebTestClient.bindToServer(new HeapCopyingConnector(connector))
            .baseUrl(base)
            .responseTimeout(PATIENCE)
            .build();
  }

  private ConfigurableApplicationContext startGateway(int onPort) {
    List<String> all = new ArrayList<>(settings);
    all.add("server.port=" + onPort);
    return new SpringApplicationBuilder(GatewayApplication.class)
        .properties(all.toArray(String[]::new))
        .initializers(
            context -> {
              GenericApplicationContext beans = (GenericApplicationContext) context;
              beans.registerBean(Pipelines.class, () -> pipelines);
              beans.registerBean(DeploymentPort.class, () -> deployments);
            })
        .run();
  }

  /**
   * Stops the gateway (its streams end, its clients see their connections drop), then starts a new
   * one on the same port, over the same database.
   */
  void restartGateway() {
    gateway.close();
    gateway = startGateway(port);
  }

  /** The gateway's database, for tests that look under the API. */
  javax.sql.DataSource dataSource() {
    return database.dataSource();
  }

  /** Starts it all, the gateway with these extra {@code key=value} properties. */
  static RunningGateway start(Path dataDir, String... properties) {
    return new RunningGateway(dataDir, properties);
  }

  /** The gateway's meter registry. */
  io.micrometer.core.instrument.MeterRegistry meters() {
    return gateway.getBean(io.micrometer.core.instrument.MeterRegistry.class);
  }

  Owner newOwner() {
    String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
    String userId = stores.accounts().createUser(new NewUser(name, null, null)).id();
    return new Owner(userId, stores.accounts().issueToken(userId, "it").secret());
  }

  String newRun(Owner owner) {
    return stores.runs().create(new NewRun("a service", null, owner.userId()));
  }

  void appendStages(String run, int count) {
    for (int i = 0; i < count; i++) {
      stores.journal().append(run, Fact.StageStarted.TYPE, "{\"i\": " + i + "}", 1);
    }
  }

  /** Stops it all; fails if the gateway made a blocking call on a non-blocking thread. */
  @Override
  public void close() {
    gateway.close();
    connections.dispose();
    stores.close();
    database.close();
    NonBlocking.assertNone();
  }
}

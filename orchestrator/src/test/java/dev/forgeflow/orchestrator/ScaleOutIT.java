package dev.forgeflow.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.SandboxHosts;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out on one Temporal and one PostgreSQL: a process with the agents role only (no Docker
 * client of its own), and two sandbox runners on two hosts' queues. Runs spread over both hosts,
 * each run's checks happen on the host it was placed on, and the host is recorded on the run and in
 * its journal; a runner that stops mid-check is chosen no more and its run moves to the other host.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
  @TempDir static Path dir;
  private static EmbeddedDatabase database;
  private static ConfigurableApplicationContext agents;
  private static ConfigurableApplicationContext hostA;
  private static ConfigurableApplicationContext hostB;

  @BeforeAll
  static void start() {
    database = EmbeddedDatabase.start(dir.resolve("postgres"));
    agents = boot("agents", "agents", null, null);
    String target = agents.getBean(TemporalChoice.class).target();
    assertThat(target).as("the agents process runs a Temporal dev server").isNotNull();
    hostA = boot("host-a", "sandbox", "host-a", target);
    hostB = boot("host-b", "sandbox", "host-b", target);
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext context :
        new ConfigurableApplicationContext[] {hostB, hostA, agents}) {
      if (context != null) {
        context.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  private static ConfigurableApplicationContext boot(
      String name, String roles, String sandboxHost, String temporalTarget) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "forgeflow.data-dir=" + dir.resolve(name),
                "forgeflow.database-url=" + database.jdbcUrl(),
                "forgeflow.database-user=" + database.user(),
                "forgeflow.database-password=" + database.password(),
                "forgeflow.database-pool-size=8",
                "forgeflow.roles=" + roles));
    if (sandboxHost != null) {
      properties.add("forgeflow.sandbox-host=" + sandboxHost);
    }
    if (temporalTarget != null) {
      properties.add("forgeflow.temporal-target=" + temporalTarget);
    }
    return new SpringApplicationBuilder(OrchestratorApplication.class)
        .web(WebApplicationType.NONE)
        .properties(properties.toArray(String[]::new))
        .run();
  }

  @Test
  @Order(1)
  void runsSpreadOverBothHostsAndEachIsCheckedOnTheHostItWasPlacedOn() throws Exception {
    assertThat(agents.getBean(SandboxChoice.class).remote()).isTrue();
    assertThat(agents.getBean(SandboxChoice.class).local()).isFalse();
    awaitLive(2);
    Runs runs = agents.getBean(Runs.class);
    List<String> ids = new ArrayList<>();
    for (String prompt :
        List.of(
            "A library API with authors (name, born: date)",
            "An inventory API with products (name, sku, price: float, stock: int)")) {
      ids.add(
          ((Launch.Started)
                  runs.launch(
                      new RunRequest(
                          prompt, PipelineOptions.defaults().withSandbox(SandboxMode.CHECK))))
              .runId());
    }
    List<CompletableFuture<List<JournalEvent>>> ends = new ArrayList<>();
    for (String id : ids) {
      ends.add(
          CompletableFuture.supplyAsync(
              () -> RunEnds.followToEnd(runs, id, Duration.ofMinutes(8))));
    }

    Set<String> hosts = new TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      List<JournalEvent> events = ends.get(i).get();
      String host = runs.stores().runs().sandboxHost(ids.get(i)).orElseThrow();
      hosts.add(host);
      assertThat(events)
          .filteredOn(e -> e.type().equals("sandbox.placed"))
          .singleElement()
          .satisfies(e -> assertThat(e.payloadJson()).contains("\"" + host + "\""));
      assertThat(events)
          .filteredOn(e -> e.type().equals("test.report"))
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.payloadJson()).containsPattern("\"passed\": ?true"));
      assertThat(events.get(events.size() - 1).payloadJson())
          .containsPattern("\"outcome\": ?\"APPROVED\"");
    }
    assertThat(hosts).containsExactly("host-a", "host-b");
  }

  /**
   * A runner stops while a run placed on its host is being checked: the check is not taken up again
   * there, the run moves to the live host and is checked there, and later runs go there.
   */
  @Test
  @Order(2)
  void aRunnerThatStopsLosesItsRunToTheOtherHostAndIsChosenNoMore() throws Exception {
    awaitLive(2);
    Runs runs = agents.getBean(Runs.class);
    String first = launch(runs, "A library API with authors (name, born: date)");
    awaitPlaced(runs, first);
    String second = launch(runs, "A notes API with notes (title, body)");
    assertThat(awaitPlaced(runs, second)).isEqualTo("host-b");

    ConfigurableApplicationContext leaving = hostB;
    hostB = null;
    leaving.close();

    SandboxHosts registry = agents.getBean(SandboxHosts.class);
    assertThat(registry.live(Duration.ofSeconds(20)))
        .extracting(SandboxHosts.HostLoad::name)
        .containsExactly("host-a");
    List<JournalEvent> moved = RunEnds.followToEnd(runs, second, Duration.ofMinutes(10));
    assertThat(moved.get(moved.size() - 1).payloadJson())
        .containsPattern("\"outcome\": ?\"APPROVED\"");
    assertThat(moved)
        .filteredOn(e -> e.type().equals("sandbox.placed"))
        .extracting(JournalEvent::payloadJson)
        .satisfiesExactly(
            placed -> assertThat(placed).contains("\"host-b\""),
            placed ->
                assertThat(placed)
                    .containsPattern("\"host\": ?\"host-a\"")
                    .containsPattern("\"previousHost\": ?\"host-b\""));
    assertThat(runs.stores().runs().sandboxHost(second)).contains("host-a");
    assertThat(RunEnds.end(runs, first, Duration.ofMinutes(8)).payloadJson())
        .containsPattern("\"outcome\": ?\"APPROVED\"");
  }

  private static String launch(Runs runs, String prompt) {
    return ((Launch.Started)
            runs.launch(
                new RunRequest(prompt, PipelineOptions.defaults().withSandbox(SandboxMode.CHECK))))
        .runId();
  }

  /** The host the run is placed on, once it is. */
  private static String awaitPlaced(Runs runs, String runId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      java.util.Optional<String> host = runs.stores().runs().sandboxHost(runId);
      if (host.isPresent()) {
        return host.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + runId + " was not placed on a host within 3 minutes");
  }

  /** Until {@code count} runners have said they are alive. */
  private static void awaitLive(int count) throws InterruptedException {
    SandboxHosts registry = agents.getBean(SandboxHosts.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (registry.live(Duration.ofSeconds(20)).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(registry.live(Duration.ofSeconds(20))).hasSizeGreaterThanOrEqualTo(count);
  }
}

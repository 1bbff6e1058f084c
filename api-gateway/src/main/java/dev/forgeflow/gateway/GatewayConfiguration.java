package dev.forgeflow.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.Database;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.feed.FeedSettings;
import dev.forgeflow.store.feed.JournalFeed;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The gateway's beans, wired explicitly. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
class GatewayConfiguration {

  /**
   * Threads for JDBC calls (accounts, tokens, sessions, ownership checks); each holds a pooled
   * connection.
   */
  private static final int BLOCKING_THREADS = 16;

  private static final int BLOCKING_QUEUE = 10_000;

  @Bean(destroyMethod = "close")
  DataSource gatewayDataSource(GatewaySettings settings) {
    GatewaySettings.Database db = settings.database();
    return Database.pooled(db.url(), db.user(), db.password());
  }

  @Bean(destroyMethod = "close")
  Stores stores(DataSource gatewayDataSource) {
    return Stores.postgres(gatewayDataSource);
  }

  @Bean(destroyMethod = "close")
  JournalFeed journalFeed(DataSource gatewayDataSource, Stores stores, GatewaySettings settings) {
    FeedSettings feed = FeedSettings.of(runEndings()).withBufferSize(settings.feedBuffer());
    return JournalFeed.postgres(gatewayDataSource, stores, feed);
  }

  @Bean(destroyMethod = "dispose")
  Scheduler blockingCalls() {
    return Schedulers.newBoundedElastic(
        BLOCKING_THREADS, BLOCKING_QUEUE, "forgeflow-gateway-jdbc", 60, true);
  }

  @Bean
  Accounts accounts(Stores stores) {
    return stores.accounts();
  }

  @Bean
  ProblemResponses problemResponses(ObjectMapper objectMapper) {
    return new ProblemResponses(objectMapper);
  }

  @Bean
  RunEvents runEvents(
      Stores stores, JournalFeed journalFeed, Scheduler blockingCalls, GatewaySettings settings) {
    return new RunEvents(
        stores.runs(), stores.journal(), journalFeed, blockingCalls, settings.heartbeat());
  }

  @Bean
  RouterFunction<ServerResponse> routes(RunEvents runEvents) {
    return RouterFunctions.route(RequestPredicates.GET("/api/runs/{id}/events"), runEvents::stream);
  }

  /** The catalogue's run-ending event types: a stream completes after one of them. */
  static Set<String> runEndings() {
    return Facts.types().entrySet().stream()
        .filter(type -> Fact.RunEnding.class.isAssignableFrom(type.getValue()))
        .map(type -> type.getKey())
        .collect(Collectors.toUnmodifiableSet());
  }
}

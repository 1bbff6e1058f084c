package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.accounts.User;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Behind the real authentication, what a route logs names the signed-in user and the run. */
@SpringBootTest(classes = {InMemoryGateway.class, RequestLogContextTest.Probe.class})
@AutoConfigureWebTestClient
class RequestLogContextTest {
  static final String LOGGER = "dev.forgeflow.gateway.test.probe";

  @Autowired private WebTestClient client;
  @Autowired private InMemoryGateway gateway;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @Configuration(proxyBeanMethods = false)
  static class Probe {
    @Bean
    RequestLogContext requestLogContext() {
      return RequestLogContext.install();
    }

    /** A run route that logs on the blocking scheduler and again on the way out. */
    @Bean
    RouterFunction<ServerResponse> probeRoute(Scheduler blockingCalls) {
      org.slf4j.Logger log = LoggerFactory.getLogger(LOGGER);
      return RouterFunctions.route(
          RequestPredicates.GET("/api/runs/{id}/probe"),
          request ->
              Mono.fromCallable(
                      () -> {
                        log.info("blocking");
                        return "ok";
                      })
                  .subscribeOn(blockingCalls)
                  .doOnNext(ok -> log.info("answering"))
                  .flatMap(ok -> ServerResponse.ok().bodyValue(ok)));
    }
  }

  @BeforeEach
  void listen() {
    logged.start();
    ((Logger) LoggerFactory.getLogger(LOGGER)).addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    ((Logger) LoggerFactory.getLogger(LOGGER)).detachAppender(logged);
  }

  @Test
  void linesLoggedWhileServingARunRouteCarryTheUserAndTheRunId() {
    User user = gateway.accounts.createUser(new NewUser("ada-" + System.nanoTime(), null, null));
    String token = gateway.accounts.issueToken(user.id(), "t").secret();

    client
        .get()
        .uri("/api/runs/run-5e2/probe")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(logged.list)
        .extracting(ILoggingEvent::getMessage, ILoggingEvent::getMDCPropertyMap)
        .containsExactly(
            Tuple.tuple("blocking", Map.of("user", user.username(), "runId", "run-5e2")),
            Tuple.tuple("answering", Map.of("user", user.username(), "runId", "run-5e2")));
    assertThat(logged.list.get(0).getThreadName()).startsWith(InMemoryGateway.BLOCKING_THREADS);
  }
}

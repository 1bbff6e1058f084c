package dev.forgeflow.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.forgeflow.gateway.accounts.AccountsConfiguration;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.feed.FeedSettings;
import dev.forgeflow.store.feed.JournalFeed;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's routes and their helpers, wired explicitly. The context must hold the {@link
 * Stores}, the {@link DataSource} they use, the {@link Pipelines} that run workflows and the {@link
 * dev.forgeflow.store.webhooks.WebhookUrls} webhooks may target: the orchestrator's when the
 * gateway runs in it, {@link GatewayDatabase} and a test's otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
@Import({
  WebSecurity.class,
  AccountsConfiguration.class,
  ProjectsController.class,
  DocumentsController.class,
  WebhooksController.class,
  AskController.class,
  RunsController.class,
  DeploymentsController.class,
  AuditController.class,
  DeploymentProxy.class,
  ArtifactsController.class,
  BundlesController.class,
  BundleDownloadsController.class,
  ApiDocument.class,
  WebUi.class,
  PublicHealth.class
})
@PropertySource("classpath:forgeflow-gateway.properties")
public class GatewayConfiguration {

  /**
   * Threads for JDBC calls (accounts, tokens, sessions, ownership checks); each holds a pooled
   * connection.
   */
  private static final int BLOCKING_THREADS = 16;

  private static final int BLOCKING_QUEUE = 10_000;

  static final String SSE_SUBSCRIBERS = "forgeflow.sse.subscribers";

  /**
   * Log lines written while serving a request name its user and run; errors dropped after their
   * answer was sent are logged by what they are ({@link DroppedErrors}).
   */
  @Bean
  RequestLogContext requestLogContext() {
    DroppedErrors.install();
    return RequestLogContext.install();
  }

  @Bean(destroyMethod = "close")
  JournalFeed journalFeed(DataSource dataSource, Stores stores, GatewaySettings settings) {
    FeedSettings feed = FeedSettings.of(runEndings()).withBufferSize(settings.feedBuffer());
    return JournalFeed.postgres(dataSource, stores, feed);
  }

  /**
   * Multipart uploads (documents): small parts in memory, a file part on disk up to the document
   * bound and refused past it, few parts.
   */
  @Bean
  CodecCustomizer multipartLimits() {
    return codecs -> {
      DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
      parts.setMaxInMemorySize(256 * 1024);
      parts.setMaxDiskUsagePerPart(DocumentsController.MAX_BYTES + DocumentsController.FRAMING);
      parts.setMaxParts(8);
      codecs.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts));
    };
  }

  @Bean(destroyMethod = "dispose")
  Scheduler blockingCalls() {
    return Schedulers.newBoundedElastic(
        BLOCKING_THREADS, BLOCKING_QUEUE, "forgeflow-gateway-jdbc", 60, true);
  }

  /** Readiness: the database answers. */
  @Bean
  HealthIndicator databaseHealthIndicator(DataSource dataSource) {
    return new DatabaseHealth(dataSource);
  }

  /** Readiness: the workflow service answers. */
  @Bean
  HealthIndicator workflowsHealthIndicator(Pipelines pipelines) {
    return new WorkflowsHealth(pipelines);
  }

  /**
   * Request bodies are read strictly: a JSON {@code false} or {@code 12} is not the text "false" or
   * "12", nor a string a number or a flag, nor {@code 1.5} an integer. A client that sends the
   * wrong type is told so (400), instead of getting something it did not ask for.
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .featuresToDisable(
                MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .postConfigurer(
                mapper -> {
                  for (CoercionInputShape scalar :
                      List.of(
                          CoercionInputShape.Boolean,
                          CoercionInputShape.Integer,
                          CoercionInputShape.Float)) {
                    mapper
                        .coercionConfigFor(LogicalType.Textual)
                        .setCoercion(scalar, CoercionAction.Fail);
                  }
                });
  }

  @Bean
  Blocking blocking(Scheduler blockingCalls) {
    return new Blocking(blockingCalls);
  }

  @Bean
  RunBundles runBundles(Stores stores) {
    return new RunBundles(stores);
  }

  @Bean
  PerUserLimit.PerUser perUserLimits(GatewaySettings settings) {
    return new PerUserLimit.PerUser(
        new PerUserLimit("runs", settings.runsPerMinute()),
        new PerUserLimit("questions", settings.questionsPerMinute()));
  }

  @Bean
  AuditTrail auditTrail(Stores stores, GatewaySettings settings) {
    return new AuditTrail(stores.audit(), new ClientAddresses(settings.trustedProxies()));
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

  /** {@code forgeflow.sse.subscribers}: the run event streams this gateway serves now. */
  @Bean
  MeterBinder sseSubscribers(RunEvents runEvents) {
    return registry ->
        Gauge.builder(SSE_SUBSCRIBERS, runEvents, RunEvents::subscribers)
            .description("Run event streams (Server-Sent Events) open on this gateway")
            .register(registry);
  }

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = "/api/runs/{id}/events",
        method = RequestMethod.GET,
        produces = MediaType.TEXT_EVENT_STREAM_VALUE,
        beanClass = RunEvents.class,
        beanMethod = "stream",
        operation =
            @Operation(
                operationId = "runEvents",
                tags = "Runs",
                summary = "Follow a run's journal as Server-Sent Events",
                description =
                    "id = the event's seq, event = its type, data = its JSON payload. Resumes"
                        + " after Last-Event-ID (header, or the lastEventId query parameter);"
                        + " a heartbeat comment while idle; completes after the run's end.",
                parameters = {
                  @Parameter(in = ParameterIn.PATH, name = "id", required = true),
                  @Parameter(in = ParameterIn.HEADER, name = "Last-Event-ID"),
                  @Parameter(in = ParameterIn.QUERY, name = "lastEventId")
                },
                responses = @ApiResponse(responseCode = "200", description = "the event stream")))
  })
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

package dev.forgeflow.orchestrator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.gateway.RequestLogContext;
import dev.forgeflow.orchestrator.settings.SettingsCheck;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.security.Principal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class StructuredLogsTest {
  private final JsonLines json = new JsonLines(LogProbe.LOGGER, JsonLogFormat.class);
  private final Logger log = LoggerFactory.getLogger(LogProbe.LOGGER);

  @AfterEach
  void close() {
    json.close();
  }

  @Test
  void anActivityLogsWithItsRunAndWorkflowAndNothingStaysBehind() {
    TestWorkflowEnvironment temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new ActivityLogContext())
                        .build())
                .build());
    try {
      Worker worker = temporal.newWorker("probe");
      worker.registerWorkflowImplementationTypes(LogProbe.ProbeWorkflowImpl.class);
      worker.registerActivitiesImplementations(new LogProbe.ProbeActivitiesImpl());
      temporal.start();
      probe(temporal.getWorkflowClient(), "run-7f3a", "planning the files");
      probe(temporal.getWorkflowClient(), "deploy-run-9c1d", "deploying");
    } finally {
      temporal.close();
    }

    JsonNode planning = json.line("planning the files");
    assertThat(planning.path("runId").asText()).isEqualTo("run-7f3a");
    assertThat(planning.path("workflowId").asText()).isEqualTo("run-7f3a");
    assertThat(planning.path("activity").asText()).isEqualTo("Note");
    assertThat(planning.path("temporalRunId").asText()).isNotBlank();
    assertThat(planning.path("level").asText()).isEqualTo("INFO");
    assertThat(planning.path("logger").asText()).isEqualTo(LogProbe.LOGGER);
    JsonNode deploying = json.line("deploying");
    assertThat(deploying.path("runId").asText()).isEqualTo("run-9c1d");
    assertThat(deploying.path("workflowId").asText()).isEqualTo("deploy-run-9c1d");
  }

  private static void probe(WorkflowClient client, String workflowId, String message) {
    client
        .newWorkflowStub(
            LogProbe.ProbeWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue("probe").setWorkflowId(workflowId).build())
        .probe(message);
  }

  @Test
  void aGatewayRequestLogsWithItsUserAndRunOnEveryThreadItHops() {
    WebFilter signedInAsAda =
        (exchange, chain) -> {
          Principal ada = () -> "ada";
          return chain.filter(exchange.mutate().principal(Mono.just(ada)).build());
        };
    WebTestClient client =
        WebTestClient.bindToRouterFunction(
                RouterFunctions.route(
                    RequestPredicates.GET("/api/runs/{id}/state"),
                    request ->
                        Mono.fromCallable(
                                () -> {
                                  log.info("reading the run on the blocking scheduler");
                                  return "ok";
                                })
                            .subscribeOn(Schedulers.boundedElastic())
                            .doOnNext(ok -> log.info("answering"))
                            .flatMap(ok -> ServerResponse.ok().bodyValue(ok))))
            .webFilter(signedInAsAda, RequestLogContext.install())
            .build();

    client.get().uri("/api/runs/r-42/state").exchange().expectStatus().isOk();
    log.info("after the request");

    for (String message : new String[] {"reading the run on the blocking scheduler", "answering"}) {
      JsonNode line = json.line(message);
      assertThat(line.path("user").asText()).as(message).isEqualTo("ada");
      assertThat(line.path("runId").asText()).as(message).isEqualTo("r-42");
    }
    assertThat(json.line("after the request").has("user")).isFalse();
  }

  @Test
  void aConfiguredApiKeyABearerTokenAndOtherSecretsAreMaskedInMessageAndStackTrace() {
    String key = "ollama-local-key-5b1e9";
    SettingsCheck.check(environment(Map.of("FORGEFLOW_LLM_API_KEY", key)));

    log.info(
        "calling http://127.0.0.1:11434/v1 with {} and Authorization: Bearer eyJhbGci.eyJzdWIi.sig"
            + " sk-proj-4f9a8b7c6d5e, cookie forgeflow_session=s3ss10n; password=hunter2"
            + " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        key);
    log.error(
        "model call failed", new IllegalStateException("refused key " + key + " token=t0k3n"));

    String text = json.text();
    assertThat(text)
        .doesNotContain(key)
        .doesNotContain("eyJhbGci")
        .doesNotContain("4f9a8b7c6d5e")
        .doesNotContain("s3ss10n")
        .doesNotContain("hunter2")
        .doesNotContain("MfKQ9r8")
        .doesNotContain("t0k3n");
    assertThat(json.line("model call failed").path("error").asText())
        .contains("IllegalStateException: refused key ***")
        .contains("at dev.forgeflow");
    assertThat(json.lines().get(0).path("message").asText())
        .isEqualTo(
            "calling http://127.0.0.1:11434/v1 with *** and Authorization: Bearer ***"
                + " sk-***, cookie forgeflow_session=***; password=***"
                + " whsec_***");
  }

  @Test
  void theTextFormatMasksToo() {
    try (JsonLines text = new JsonLines("dev.forgeflow.test.text", TextLogFormat.class)) {
      MDC.put("runId", "r-1");
      try {
        LoggerFactory.getLogger("dev.forgeflow.test.text").warn("retrying with Bearer abc.def");
      } finally {
        MDC.remove("runId");
      }
      assertThat(text.text())
          .contains(" WARN [")
          .contains("dev.forgeflow.test.text [runId=r-1] : retrying with Bearer ***")
          .doesNotContain("abc.def");
    }
  }

  @Test
  void theFormatFollowsForgeflowLogFormat() {
    StandardEnvironment json = environment(Map.of("FORGEFLOW_LOG_FORMAT", "json"));
    StandardEnvironment text = environment(Map.of());
    new LogFormatSetup().postProcessEnvironment(json, null);
    new LogFormatSetup().postProcessEnvironment(text, null);

    assertThat(json.getProperty("logging.structured.format.console"))
        .isEqualTo(JsonLogFormat.class.getName());
    assertThat(json.getProperty("logging.structured.format.file"))
        .isEqualTo(JsonLogFormat.class.getName());
    assertThat(text.getProperty("logging.structured.format.console"))
        .isEqualTo(TextLogFormat.class.getName());
  }

  private static StandardEnvironment environment(Map<String, String> env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env)));
    return environment;
  }
}

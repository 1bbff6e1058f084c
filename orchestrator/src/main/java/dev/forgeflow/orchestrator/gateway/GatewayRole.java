package dev.forgeflow.orchestrator.gateway;

import dev.forgeflow.agents.llm.JournalUsageRecorder;
import dev.forgeflow.agents.llm.LlmClient;
import dev.forgeflow.agents.llm.LlmClients;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.llm.Pricing;
import dev.forgeflow.agents.retrieval.CodeQuestions;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.gateway.DeploymentPort;
import dev.forgeflow.gateway.GatewayConfiguration;
import dev.forgeflow.gateway.Pipelines;
import dev.forgeflow.gateway.ProjectKnowledge;
import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.orchestrator.config.ModelChoice;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.config.StoreConfiguration.DatabaseHandle;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.sandbox.SandboxInstance;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The gateway role: when this application runs as a reactive web server, the api-gateway's routes
 * serve this server's stores and workflows.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(GatewayConfiguration.class)
class GatewayRole {

  @Bean
  Pipelines pipelines(
      Runs runs,
      SandboxChoice sandbox,
      SandboxInstance instance,
      ForgeflowProperties properties,
      WorkflowClient client) {
    return new GatewayPipelines(runs, sandbox, instance, properties.temporalNamespace(), client);
  }

  @Bean
  DeploymentPort deploymentPort(
      WorkflowClient client,
      SandboxChoice sandbox,
      SandboxInstance instance,
      dev.forgeflow.store.Stores stores) {
    return new GatewayDeployments(
        client,
        sandbox,
        instance,
        stores.deployments(),
        stores.runs(),
        new JournalLogs(stores.journal(), stores.deployments()));
  }

  @Bean
  ProjectKnowledge projectKnowledge(
      Retrieval retrieval,
      dev.forgeflow.store.Stores stores,
      ModelChoice model,
      OpenTelemetry telemetry) {
    CodeQuestions questions =
        new CodeQuestions(
            retrieval,
            stores.bundles(),
            model.settings(),
            model.settings().map(settings -> questionModel(settings, stores, telemetry)));
    return new GatewayKnowledge(retrieval, stores.documents(), questions);
  }

  /**
   * The model that answers questions about code, as the agents' is: each call a span, and each
   * answer's tokens and cost recorded against the run whose code was asked about (a row of its
   * model calls and an {@code llm.usage} event of agent {@code ask}, which the metrics count too).
   */
  static LlmClient questionModel(
      LlmSettings settings, dev.forgeflow.store.Stores stores, OpenTelemetry telemetry) {
    return LlmClients.ledgered(
        LlmClients.traced(
            LlmClients.openAi(settings), telemetry.getTracer("dev.forgeflow.questions")),
        stores.replies(),
        new JournalUsageRecorder(
            stores.llmCalls(), stores.journal(), Pricing.of(settings), Clock.systemUTC()));
  }

  /** The stores' data source, for the gateway's journal feed; the stores' owner closes it. */
  /** A caller's W3C trace context becomes the parent of what its request starts. */
  @Bean
  IncomingTraceContext incomingTraceContext(OpenTelemetry openTelemetry) {
    return IncomingTraceContext.install(openTelemetry);
  }

  @Bean(destroyMethod = "")
  DataSource gatewayDataSource(DatabaseHandle database) {
    return database.dataSource();
  }
}

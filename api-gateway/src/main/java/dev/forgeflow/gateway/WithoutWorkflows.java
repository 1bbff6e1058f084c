package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.webhooks.WebhookUrls;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineState;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A gateway started on its own ({@link GatewayApplication}) with no workflows beside it: it serves
 * what the database holds (accounts, projects, runs, journals, code) and refuses what needs the
 * workflows or the sandbox with a 503 problem, saying so. The orchestrator's gateway role supplies
 * the real ports instead.
 */
@Configuration(proxyBeanMethods = false)
class WithoutWorkflows {

  private static final String NO_WORKFLOWS = "this gateway runs without workflows";

  @Bean
  @ConditionalOnMissingBean
  Pipelines pipelines() {
    return new Pipelines() {
      @Override
      public PipelineOptions admit(PipelineOptions asked) {
        return asked;
      }

      @Override
      public Optional<String> refusal(String prompt, PipelineOptions options) {
        return Optional.empty();
      }

      @Override
      public void start(RunRecord run, String ownerName, PipelineOptions options) {
        throw new IllegalStateException(NO_WORKFLOWS);
      }

      @Override
      public Optional<WorkflowClosure> closure(String runId) {
        return Optional.empty();
      }

      @Override
      public Optional<PipelineState> state(String runId) {
        return Optional.empty();
      }

      @Override
      public PipelineState decidePlan(String runId, PlanDecision decision) {
        throw new NotWaitingException(NO_WORKFLOWS);
      }

      @Override
      public PipelineState decideBudget(String runId, BudgetDecision decision) {
        throw new NotWaitingException(NO_WORKFLOWS);
      }

      @Override
      public void cancel(String runId) {
        throw Problems.unavailable(NO_WORKFLOWS);
      }

      @Override
      public void retire(String projectId, List<RunRecord> runs) {
        // nothing runs here to end
      }

      @Override
      public boolean reachable() {
        return false;
      }

      @Override
      public boolean offline() {
        return false;
      }

      @Override
      public ServerInfo info() {
        return new ServerInfo(false, "none: " + NO_WORKFLOWS, "none", "none", null, "");
      }
    };
  }

  /** Lists and removes documents the database holds; attaching and asking need retrieval. */
  @Bean
  @ConditionalOnMissingBean
  ProjectKnowledge projectKnowledge(dev.forgeflow.store.Stores stores) {
    String noRetrieval = "this gateway runs without retrieval";
    return new ProjectKnowledge() {
      @Override
      public dev.forgeflow.store.projects.ProjectDocument attach(
          String projectId, String fileName, byte[] content) {
        throw Problems.unavailable(noRetrieval);
      }

      @Override
      public boolean detach(String projectId, String documentId) {
        return stores.documents().delete(projectId, documentId);
      }

      @Override
      public void forget(String projectId) {}

      @Override
      public Answer ask(
          String projectId, dev.forgeflow.store.BundleVersion bundle, String question) {
        throw Problems.unavailable(noRetrieval);
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  DeploymentPort deploymentPort() {
    return new DeploymentPort() {
      @Override
      public Optional<String> unavailable() {
        return Optional.of(NO_WORKFLOWS);
      }

      @Override
      public void deploy(RunRecord run, String bundleId) {
        throw new IllegalStateException(NO_WORKFLOWS);
      }

      @Override
      public Optional<Status> status(String runId) {
        return Optional.empty();
      }

      @Override
      public java.util.List<String> deployedRuns() {
        return java.util.List.of();
      }

      @Override
      public boolean stop(String runId) {
        return false;
      }

      @Override
      public AutoCloseable followLogs(
          String runId, int tail, boolean follow, Consumer<String> lines, Runnable ended) {
        throw new java.util.NoSuchElementException(NO_WORKFLOWS);
      }

      @Override
      public Optional<URI> target(String runId) {
        return Optional.empty();
      }
    };
  }

  /**
   * Webhook targets as {@code FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE} says (loopback and private
   * addresses refused by default); deliveries are the workers' (the orchestrator's) work.
   */
  @Bean
  @ConditionalOnMissingBean
  WebhookUrls webhookUrls(
      @Value("${forgeflow.webhooks-allow-private:false}") boolean webhooksAllowPrivate) {
    return new WebhookUrls(webhooksAllowPrivate);
  }
}

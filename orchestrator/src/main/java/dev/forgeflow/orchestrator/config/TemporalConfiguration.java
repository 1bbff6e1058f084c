package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.Agents;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.support.StoreFailures;
import dev.forgeflow.agents.support.WorkerHeartbeats;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.orchestrator.config.TemporalSetup.TemporalPlan;
import dev.forgeflow.orchestrator.deploy.DeploymentJanitor;
import dev.forgeflow.orchestrator.deploy.HostHeartbeat;
import dev.forgeflow.orchestrator.deploy.LogJournaling;
import dev.forgeflow.orchestrator.deploy.RecordedDeployActivities;
import dev.forgeflow.orchestrator.deploy.RecordedPlacement;
import dev.forgeflow.orchestrator.temporal.SearchAttributeRegistry;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.sandbox.DockerSpans;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.SandboxMeters;
import dev.forgeflow.sandbox.check.CheckLimits;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.check.SandboxActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployLimits;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.deploy.Janitor;
import dev.forgeflow.store.SandboxHosts;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.architecture.ArchitectureActivities;
import dev.forgeflow.workflows.implementer.ImplementerActivities;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.pipeline.RunSearchAttributes;
import dev.forgeflow.workflows.requirements.RequirementsActivities;
import dev.forgeflow.workflows.retrieval.RetrievalActivities;
import dev.forgeflow.workflows.review.ReviewerActivities;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Temporal through temporal-spring-boot-starter: {@link TemporalSetup} chooses the server before
 * the context is built; the starter makes the stubs, the client, the worker factory and the
 * pipeline worker that {@code forgeflow-workers.properties} declares (its task queue, its workflow
 * classes and the agents' activity beans below), and starts the workers once the application is
 * ready. This class sizes them ({@link WorkerProperties}), gives the in-process service Forgeflow's
 * search attributes and time that is not skipped, and — only in a process whose Docker daemon
 * answered — adds the sandbox worker on {@link SandboxActivities#TASK_QUEUE}: the starter's worker
 * list is fixed configuration, and a process without a sandbox must leave that queue to one that
 * has one.
 */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

  /**
   * A write the store refuses fails its activity for good instead of re-buying its model call. The
   * starter puts the worker interceptors that are beans after its tracing interceptor ({@link
   * TracingConfiguration}), so the activity's span covers them.
   */
  @Bean
  @Order(1)
  WorkerInterceptor storeFailures() {
    return new StoreFailures();
  }

  /**
   * Every running activity heartbeats, so a worker that dies is noticed within the stubs' heartbeat
   * timeout.
   */
  @Bean
  @Order(2)
  WorkerInterceptor workerHeartbeats() {
    return new WorkerHeartbeats();
  }

  /** The workflow cache and its threads are sized by {@link WorkerProperties}. */
  @Bean
  TemporalOptionsCustomizer<WorkerFactoryOptions.Builder> workerFactoryCapacity(
      WorkerProperties capacity) {
    return builder -> factoryOptions(builder, capacity);
  }

  private static WorkerFactoryOptions.Builder factoryOptions(
      WorkerFactoryOptions.Builder builder, WorkerProperties capacity) {
    return builder
        .setWorkflowCacheSize(capacity.workflowCacheSize())
        .setMaxWorkflowThreadCount(capacity.maxWorkflowThreads());
  }

  /** How much the pipeline worker takes on at once. */
  @Bean
  WorkerOptionsCustomizer pipelineWorkerCapacity(WorkerProperties capacity) {
    return (builder, workerName, taskQueue) ->
        !taskQueue.equals(PipelineWorkflow.TASK_QUEUE)
            ? builder
            : builder
                .setMaxConcurrentActivityExecutionSize(capacity.maxConcurrentActivities())
                .setMaxConcurrentWorkflowTaskExecutionSize(capacity.maxConcurrentWorkflowTasks())
                .setMaxConcurrentLocalActivityExecutionSize(capacity.maxConcurrentLocalActivities())
                .setMaxConcurrentWorkflowTaskPollers(capacity.workflowPollers())
                .setMaxConcurrentActivityTaskPollers(capacity.activityPollers());
  }

  /** The in-process service keeps real time: a run waits for its model as long as it takes. */
  @Bean
  TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realTime() {
    return builder -> builder.setUseTimeskipping(false);
  }

  /**
   * Which Temporal this is, once the namespace has Forgeflow's search attributes (registered on a
   * server when it lets us, always on the in-process service).
   */
  @Bean
  TemporalChoice temporalChoice(
      TemporalPlan plan,
      ForgeflowProperties properties,
      WorkflowServiceStubs service,
      ObjectProvider<TestWorkflowEnvironment> inProcess) {
    if (plan.inProcess()) {
      TestWorkflowEnvironment environment = inProcess.getObject();
      for (SearchAttributeKey<?> key : RunSearchAttributes.ALL) {
        environment.registerSearchAttribute(key.getName(), key.getValueType());
      }
      return TemporalChoice.inProcess(plan.fallbackReason());
    }
    boolean indexed = SearchAttributeRegistry.ensure(service, properties.temporalNamespace());
    return TemporalChoice.server(plan.target(), plan.webUrl(), indexed);
  }

  /** The agents' activity implementations; each is a bean the pipeline worker names. */
  @Bean
  AgentActivities agentActivities(
      Stores stores,
      ModelChoice model,
      RuntimeProfile profile,
      Retrieval retrieval,
      OpenTelemetry openTelemetry) {
    return new AgentActivities(
        Agents.activities(stores, model.settings(), profile, retrieval, openTelemetry));
  }

  @Bean
  RequirementsActivities requirementsActivities(AgentActivities agents) {
    return agents.of(RequirementsActivities.class);
  }

  @Bean
  ArchitectureActivities architectureActivities(AgentActivities agents) {
    return agents.of(ArchitectureActivities.class);
  }

  @Bean
  ImplementerActivities implementerActivities(AgentActivities agents) {
    return agents.of(ImplementerActivities.class);
  }

  @Bean
  ReviewerActivities reviewerActivities(AgentActivities agents) {
    return agents.of(ReviewerActivities.class);
  }

  @Bean
  RetrievalActivities retrievalActivities(AgentActivities agents) {
    return agents.of(RetrievalActivities.class);
  }

  @Bean
  JournalActivities journalActivities(AgentActivities agents) {
    return agents.of(JournalActivities.class);
  }

  record AgentActivities(List<Object> all) {
    <T> T of(Class<T> type) {
      return all.stream()
          .filter(type::isInstance)
          .map(type::cast)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no agent implements " + type.getName()));
    }
  }

  /**
   * The sandbox worker, when this process has a sandbox: the checks and the deployments, with the
   * janitor that stops what outlives its time and the journaling of deployment logs.
   */
  @Bean
  WorkerLifecycle workerLifecycle(
      ObjectProvider<WorkerFactory> starterWorkers,
      WorkflowClient client,
      WorkerProperties capacity,
      TemporalChoice temporal,
      Stores stores,
      SandboxChoice sandbox,
      ProbeScripts probe,
      SandboxInstance instance,
      ForgeflowProperties properties,
      SandboxHosts hosts,
      OpenTelemetry openTelemetry,
      ObjectProvider<WorkerInterceptor> interceptors,
      ObjectProvider<io.opentracing.Tracer> tracer,
      MeterRegistry registry) {
    DockerSpans spans = DockerSpans.of(openTelemetry);
    SandboxMeters meters = new SandboxMeters(registry);
    List<AutoCloseable> closeables = new ArrayList<>();
    List<Runnable> starts = new ArrayList<>();
    Roles roles = properties.roleSet();
    // the starter makes (and starts) a worker factory only for the pipeline worker it declares; a
    // process without the agents role makes its own for the sandbox's workers
    WorkerFactory workers = starterWorkers.getIfAvailable();
    if (workers == null) {
      // with the interceptors the starter would give its own: tracing first, then the beans
      List<WorkerInterceptor> chain = new ArrayList<>();
      tracer.ifAvailable(
          found ->
              chain.add(
                  new io.temporal.opentracing.OpenTracingWorkerInterceptor(
                      io.temporal.opentracing.OpenTracingOptions.newBuilder()
                          .setTracer(found)
                          .build())));
      interceptors.orderedStream().forEach(chain::add);
      workers =
          WorkerFactory.newInstance(
              client,
              factoryOptions(WorkerFactoryOptions.newBuilder(), capacity)
                  .setWorkerInterceptors(chain.toArray(WorkerInterceptor[]::new))
                  .build());
      starts.add(workers::start);
    }
    if (roles.sandbox() && !roles.everything() && !sandbox.local()) {
      throw new IllegalStateException(
          "FORGEFLOW_ROLES="
              + roles
              + " takes the sandbox role, but no Docker daemon answers: "
              + sandbox.reason());
    }
    if (roles.sandbox() && sandbox.local()) {
      EgressRules rules = new EgressRules();
      Deployments deployments = new Deployments(sandbox.docker(), rules, instance);
      LogJournaling logs = new LogJournaling(deployments, stores.journal());
      closeables.add(logs);
      DeploymentJanitor janitor =
          new DeploymentJanitor(
              new Janitor(sandbox.docker(), deployments),
              deployments,
              stores.deployments(),
              stores.runs(),
              Clock.systemUTC());
      starts.add(janitor::start);
      closeables.add(janitor);
      Object checks =
          new SandboxActivitiesImpl(
              sandbox.docker(),
              instance,
              stores.bundles(),
              stores.journal(),
              sandbox.baseImage(),
              probe,
              CheckLimits.defaults(),
              spans,
              meters);
      Object deploys =
          new RecordedDeployActivities(
              new DeployActivitiesImpl(
                  sandbox.docker(),
                  instance,
                  stores.bundles(),
                  stores.journal(),
                  sandbox.baseImage(),
                  DeployLimits.defaults(),
                  rules,
                  Clock.systemUTC(),
                  spans,
                  meters),
              stores.deployments(),
              DeployLimits.defaults().ttl(),
              Clock.systemUTC(),
              logs);
      SandboxHost host = SandboxHost.named(properties.sandboxHostName());
      HostHeartbeat heartbeat =
          new HostHeartbeat(
              hosts, host, properties.dataDir().toAbsolutePath().resolve("sandbox-host.alive"));
      starts.add(heartbeat::start);
      closeables.add(heartbeat);
      // this host's own queue: the checks and deploys of the runs placed here
      workers
          .newWorker(host.taskQueue(), WorkerOptions.getDefaultInstance())
          .registerActivitiesImplementations(checks, deploys);
      // the queue every runner shares: placing runs (whoever takes it is the host), and the work
      // of runs begun before hosts had queues of their own
      workers
          .newWorker(SandboxActivities.TASK_QUEUE, WorkerOptions.getDefaultInstance())
          .registerActivitiesImplementations(new RecordedPlacement(host, hosts), checks, deploys);
    }
    return new WorkerLifecycle(workers, starts, closeables);
  }

  /**
   * Starts the janitor's schedule with the context (the starter starts polling once the application
   * is ready); on the way down stops every worker and the janitor before the stores close, so no
   * activity writes to a closed pool.
   */
  static final class WorkerLifecycle implements SmartLifecycle {
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private final WorkerFactory factory;
    private final List<Runnable> starts;
    private final List<AutoCloseable> closeables;
    private volatile boolean running;

    WorkerLifecycle(WorkerFactory factory, List<Runnable> starts, List<AutoCloseable> closeables) {
      this.factory = factory;
      this.starts = starts;
      this.closeables = closeables;
    }

    @Override
    public void start() {
      starts.forEach(Runnable::run);
      running = true;
    }

    @Override
    public void stop() {
      factory.shutdownNow();
      // an activity taken just before the shutdown still runs: it ends (or, interrupted, fails)
      // before the stores close under it
      factory.awaitTermination(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      for (AutoCloseable closeable : closeables) {
        try {
          closeable.close();
        } catch (Exception e) {
          // stopping anyway: what could not close is left to the process's end
        }
      }
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }
}

package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.Agents;
import dev.forgeflow.agents.support.StoreFailures;
import dev.forgeflow.agents.support.WorkerHeartbeats;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.orchestrator.deploy.DeploymentJanitor;
import dev.forgeflow.orchestrator.deploy.LogJournaling;
import dev.forgeflow.orchestrator.deploy.RecordedDeployActivities;
import dev.forgeflow.orchestrator.temporal.LocalTemporalServer;
import dev.forgeflow.orchestrator.temporal.SearchAttributeRegistry;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.orchestrator.temporal.TemporalCli;
import dev.forgeflow.orchestrator.temporal.TemporalUnavailable;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.check.SandboxActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployActivitiesImpl;
import dev.forgeflow.sandbox.deploy.DeployLimits;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.deploy.Janitor;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.pipeline.PipelineWorkflowImpl;
import dev.forgeflow.workflows.pipeline.RunSearchAttributes;
import dev.forgeflow.workflows.sandbox.DeployWorkflowImpl;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Temporal: a frontend at {@code FORGEFLOW_TEMPORAL_TARGET}; else local mode's own dev server
 * ({@link LocalTemporalServer}, its database in the data dir, so runs survive a restart); and only
 * when that cannot be had, the in-process service from temporal-testing with time skipping off,
 * announced through {@link TemporalChoice} because nothing of it survives a restart. The pipeline
 * worker runs the workflow and the agents' activities on {@link PipelineWorkflow#TASK_QUEUE}; when
 * the sandbox is available, a second worker runs its activities on {@link
 * SandboxActivities#TASK_QUEUE}.
 */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalConfiguration.class);

  /**
   * A write the store refuses fails its activity for good instead of re-buying its model call;
   * every running activity heartbeats, so a worker that dies is noticed within the stubs' heartbeat
   * timeout. The workflow cache and its threads are sized by {@link WorkerProperties}.
   */
  private static WorkerFactoryOptions workers(WorkerProperties capacity) {
    return WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(new StoreFailures(), new WorkerHeartbeats())
        .setWorkflowCacheSize(capacity.workflowCacheSize())
        .setMaxWorkflowThreadCount(capacity.maxWorkflowThreads())
        .build();
  }

  @Bean(destroyMethod = "close")
  TemporalConnection temporalConnection(ForgeflowProperties properties, WorkerProperties capacity) {
    WorkflowClientOptions clientOptions =
        WorkflowClientOptions.newBuilder().setNamespace(properties.temporalNamespace()).build();
    WorkerFactoryOptions workers = workers(capacity);
    if (!properties.embeddedTemporal()) {
      return remote(properties.temporalTarget(), clientOptions, workers, null, () -> {});
    }
    if (properties.temporalLocal().equals("in-process")) {
      return inProcess(clientOptions, workers, "chosen with FORGEFLOW_TEMPORAL_LOCAL=in-process");
    }
    LocalTemporalServer server;
    try {
      Path cli = TemporalCli.find(properties.dataDir(), properties.temporalCli());
      server =
          LocalTemporalServer.startOrReuse(
              properties.dataDir(), cli, properties.temporalNamespace());
    } catch (TemporalUnavailable unavailable) {
      LOG.warn("running on the in-process Temporal service: {}", unavailable.getMessage());
      return inProcess(clientOptions, workers, unavailable.getMessage());
    }
    return remote(server.target(), clientOptions, workers, server.webUrl(), server::close);
  }

  private static TemporalConnection remote(
      String target,
      WorkflowClientOptions clientOptions,
      WorkerFactoryOptions workers,
      String webUrl,
      Runnable stopServer) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(service, clientOptions);
    boolean indexed = SearchAttributeRegistry.ensure(service, clientOptions.getNamespace());
    return new TemporalConnection(
        client,
        WorkerFactory.newInstance(client, workers),
        TemporalChoice.server(target, webUrl, indexed),
        () -> {
          service.shutdown();
          stopServer.run();
        });
  }

  private static TemporalConnection inProcess(
      WorkflowClientOptions clientOptions, WorkerFactoryOptions workers, String reason) {
    TestWorkflowEnvironment environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setWorkflowClientOptions(clientOptions)
                .setWorkerFactoryOptions(workers)
                .build());
    for (SearchAttributeKey<?> key : RunSearchAttributes.ALL) {
      environment.registerSearchAttribute(key.getName(), key.getValueType());
    }
    return new TemporalConnection(
        environment.getWorkflowClient(),
        environment.getWorkerFactory(),
        TemporalChoice.inProcess(reason),
        environment::close);
  }

  @Bean
  TemporalChoice temporalChoice(TemporalConnection connection) {
    return connection.choice();
  }

  @Bean
  WorkflowClient workflowClient(TemporalConnection connection) {
    return connection.client();
  }

  @Bean
  PipelineWorker pipelineWorker(
      TemporalConnection connection,
      Stores stores,
      ModelChoice model,
      SandboxChoice sandbox,
      ProbeScripts probe,
      RuntimeProfile profile,
      WorkerProperties capacity,
      SandboxInstance instance) {
    List<AutoCloseable> closeables = new ArrayList<>();
    List<Runnable> starts = new ArrayList<>();
    Worker worker =
        connection
            .workers()
            .newWorker(
                PipelineWorkflow.TASK_QUEUE,
                WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(capacity.maxConcurrentActivities())
                    .setMaxConcurrentWorkflowTaskExecutionSize(
                        capacity.maxConcurrentWorkflowTasks())
                    .setMaxConcurrentLocalActivityExecutionSize(
                        capacity.maxConcurrentLocalActivities())
                    .setMaxConcurrentWorkflowTaskPollers(capacity.workflowPollers())
                    .setMaxConcurrentActivityTaskPollers(capacity.activityPollers())
                    .build());
    worker.registerWorkflowImplementationTypes(
        PipelineWorkflowImpl.class, DeployWorkflowImpl.class);
    for (Object activities : Agents.activities(stores, model.settings(), profile)) {
      worker.registerActivitiesImplementations(activities);
    }
    if (sandbox.available()) {
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
      connection
          .workers()
          .newWorker(SandboxActivities.TASK_QUEUE)
          .registerActivitiesImplementations(
              new SandboxActivitiesImpl(
                  sandbox.docker(),
                  instance,
                  stores.bundles(),
                  stores.journal(),
                  sandbox.baseImage(),
                  probe),
              new RecordedDeployActivities(
                  new DeployActivitiesImpl(
                      sandbox.docker(),
                      instance,
                      stores.bundles(),
                      stores.journal(),
                      sandbox.baseImage(),
                      DeployLimits.defaults(),
                      rules,
                      Clock.systemUTC()),
                  stores.deployments(),
                  DeployLimits.defaults().ttl(),
                  Clock.systemUTC(),
                  logs));
    }
    return new PipelineWorker(connection.workers(), starts, closeables);
  }

  /**
   * Starts polling (and the sandbox janitor's schedule) once the context is up; stops both before
   * the stores close.
   */
  static final class PipelineWorker implements SmartLifecycle {
    private final WorkerFactory factory;
    private final List<Runnable> starts;
    private final List<AutoCloseable> closeables;
    private volatile boolean running;

    PipelineWorker(WorkerFactory factory, List<Runnable> starts, List<AutoCloseable> closeables) {
      this.factory = factory;
      this.starts = starts;
      this.closeables = closeables;
    }

    @Override
    public void start() {
      starts.forEach(Runnable::run);
      factory.start();
      running = true;
    }

    @Override
    public void stop() {
      factory.shutdownNow();
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

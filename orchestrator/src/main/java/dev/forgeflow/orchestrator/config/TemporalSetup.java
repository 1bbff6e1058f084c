package dev.forgeflow.orchestrator.config;

import dev.forgeflow.orchestrator.temporal.LocalTemporalServer;
import dev.forgeflow.orchestrator.temporal.TemporalCli;
import dev.forgeflow.orchestrator.temporal.TemporalUnavailable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Decides which Temporal this process talks to before the context is built, and tells
 * temporal-spring-boot-starter through its own properties: the frontend {@code
 * FORGEFLOW_TEMPORAL_TARGET} names ({@code spring.temporal.connection.target}); else local mode's
 * dev server, started (or found running) on a free port in the data dir; and only when that cannot
 * be had, or is turned off with {@code FORGEFLOW_TEMPORAL_LOCAL=in-process}, the starter's
 * in-process test server ({@code spring.temporal.test-server.enabled}). The starter then builds the
 * service stubs, the client, the worker factory and the workers declared in {@code
 * forgeflow-workers.properties}.
 *
 * <p>The dev server's port is only known once it runs, which is why this happens here and not in a
 * properties file; a dev server this process started stops after every other bean is gone.
 */
public final class TemporalSetup
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String SOURCE = "forgeflowTemporal";
  static final String WORKERS = "forgeflowWorkers";
  private static final Logger LOG = LoggerFactory.getLogger(TemporalSetup.class);

  /**
   * What was decided: the frontend's target (null for the in-process service), Temporal Web's URL
   * when known, and why the in-process service is used.
   */
  public record TemporalPlan(String target, String webUrl, String fallbackReason) {
    boolean inProcess() {
      return target == null;
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    ForgeflowProperties properties =
        Binder.get(environment).bindOrCreate("forgeflow", ForgeflowProperties.class);
    TemporalPlan plan = plan(properties, context);
    Map<String, Object> decided = new LinkedHashMap<>();
    decided.put("spring.temporal.namespace", properties.temporalNamespace());
    if (plan.inProcess()) {
      decided.put("spring.temporal.test-server.enabled", "true");
    } else {
      decided.put("spring.temporal.test-server.enabled", "false");
      decided.put("spring.temporal.connection.target", plan.target());
    }
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, decided));
    if (properties.roleSet().agents()) {
      // the pipeline worker: only a process with the agents role polls the pipeline's queue
      try {
        environment
            .getPropertySources()
            .addLast(new ResourcePropertySource(WORKERS, "classpath:forgeflow-workers.properties"));
      } catch (java.io.IOException unreadable) {
        throw new java.io.UncheckedIOException(unreadable);
      }
    }
    context.getBeanFactory().registerSingleton("temporalPlan", plan);
  }

  private static TemporalPlan plan(
      ForgeflowProperties properties, ConfigurableApplicationContext context) {
    if (!properties.embeddedTemporal()) {
      return new TemporalPlan(properties.temporalTarget(), null, null);
    }
    if (properties.temporalLocal().equals("in-process")) {
      return new TemporalPlan(null, null, "chosen with FORGEFLOW_TEMPORAL_LOCAL=in-process");
    }
    try {
      Path cli = TemporalCli.find(properties.dataDir(), properties.temporalCli());
      LocalTemporalServer server =
          LocalTemporalServer.startOrReuse(
              properties.dataDir(), cli, properties.temporalNamespace());
      // registered before any bean, so destroyed after all of them: the workers and the client
      // let go of the server before it stops
      ((DefaultSingletonBeanRegistry) context.getBeanFactory())
          .registerDisposableBean("localTemporalServer", (DisposableBean) server::close);
      return new TemporalPlan(server.target(), server.webUrl(), null);
    } catch (TemporalUnavailable unavailable) {
      LOG.warn("running on the in-process Temporal service: {}", unavailable.getMessage());
      return new TemporalPlan(null, null, unavailable.getMessage());
    }
  }
}

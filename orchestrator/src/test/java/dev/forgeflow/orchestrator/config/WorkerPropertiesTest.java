package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class WorkerPropertiesTest {

  private static WorkerProperties bind(Map<String, Object> environment) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new SystemEnvironmentPropertySource("env", environment));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("forgeflow.worker", WorkerProperties.class);
  }

  @Test
  void defaultsLetTwoHundredSixFileRunsWaitOnTheModelAtOnce() {
    WorkerProperties defaults = bind(Map.of());

    assertThat(defaults).isEqualTo(new WorkerProperties(1200, 200, 200, 600, 600, 50, 5));
    assertThat(defaults.maxConcurrentActivities()).isGreaterThanOrEqualTo(200 * 6);
  }

  @Test
  void eachBoundIsAnEnvironmentVariable() {
    WorkerProperties given =
        bind(
            Map.of(
                "FORGEFLOW_WORKER_MAX_CONCURRENT_ACTIVITIES", "64",
                "FORGEFLOW_WORKER_WORKFLOW_POLLERS", "8",
                "FORGEFLOW_WORKER_WORKFLOW_CACHE_SIZE", "1000"));

    assertThat(given.maxConcurrentActivities()).isEqualTo(64);
    assertThat(given.workflowPollers()).isEqualTo(8);
    assertThat(given.workflowCacheSize()).isEqualTo(1000);
  }

  @Test
  void theStorePoolSizeIsAnEnvironmentVariableToo() {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            "system", Map.of("FORGEFLOW_DATABASE_POOL_SIZE", "32")));

    ForgeflowProperties properties =
        new Binder(ConfigurationPropertySources.from(sources))
            .bindOrCreate("forgeflow", ForgeflowProperties.class);

    assertThat(properties.databasePoolSize()).isEqualTo(32);
  }
}

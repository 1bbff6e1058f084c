package dev.forgeflow.gateway;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Whether the workflow service answers. Actuator runs blocking indicators off the event loop. */
final class WorkflowsHealth implements HealthIndicator {

  private final Pipelines pipelines;

  WorkflowsHealth(Pipelines pipelines) {
    this.pipelines = pipelines;
  }

  @Override
  public Health health() {
    return pipelines.reachable()
        ? Health.up().build()
        : Health.down().withDetail("reason", "the workflow service does not answer").build();
  }
}

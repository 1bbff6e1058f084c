package dev.forgeflow.workflows.artifacts;

import java.util.List;

/** What the Requirements agent understood: the service to build. */
public record ProjectCharter(
    String name,
    String description,
    List<Entity> entities,
    List<Endpoint> endpoints,
    List<String> businessRules,
    boolean authRequired) {
  public ProjectCharter {
    entities = List.copyOf(entities);
    endpoints = List.copyOf(endpoints);
    businessRules = List.copyOf(businessRules);
  }
}

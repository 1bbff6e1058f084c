package dev.forgeflow.workflows.artifacts;

import java.util.List;

/** What the Architecture agent designed, ending in the file plan the Implementer follows. */
public record SystemArchitecture(
    String designMarkdown,
    String mermaid,
    List<Component> components,
    List<Table> dataModel,
    List<Endpoint> endpoints,
    List<PlannedFile> filePlan) {
  public SystemArchitecture {
    components = List.copyOf(components);
    dataModel = List.copyOf(dataModel);
    endpoints = List.copyOf(endpoints);
    filePlan = List.copyOf(filePlan);
  }
}

package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Column;
import dev.forgeflow.workflows.artifacts.Component;
import dev.forgeflow.workflows.artifacts.Endpoint;
import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.artifacts.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Designs the architecture of a charter's service, feedback applied, design written out. */
final class ArchitectureDesigner {
  private ArchitectureDesigner() {}

  static SystemArchitecture design(ProjectCharter charter, String feedback) {
    FeedbackApplier.Result applied = FeedbackApplier.apply(charter.entities(), feedback);
    List<Entity> entities = applied.entities();
    String mermaid = Mermaid.erDiagram(entities);
    List<Component> components = ServicePlan.components(entities);
    List<Table> tables = DataModel.tables(entities);
    List<Endpoint> endpoints = ServicePlan.endpoints(entities);
    List<PlannedFile> files = FilePlan.of(ProjectView.databaseFile(charter), entities);
    Map<String, Object> view = new HashMap<>();
    view.put("announcement", OfflinePlanner.ANNOUNCEMENT);
    view.put("title", ProjectView.title(charter));
    view.put("description", charter.description());
    view.put("components", components);
    view.put("mermaid", mermaid);
    view.put("tables", tables.stream().map(ArchitectureDesigner::table).toList());
    view.put("endpoints", endpoints);
    view.put("rules", ServicePlan.rules(entities));
    view.put("files", files);
    boolean hasFeedback = feedback != null && !feedback.isBlank();
    view.put("has_feedback", hasFeedback);
    view.put("feedback_lines", hasFeedback ? feedback.strip().lines().toList() : List.of());
    view.put("feedback_outcome", applied.outcome());
    String markdown = Templates.render("design.md", view);
    return new SystemArchitecture(markdown, mermaid, components, tables, endpoints, files);
  }

  private static Map<String, Object> table(Table table) {
    return Map.of(
        "name", table.name(),
        "columns", table.columns().stream().map(ArchitectureDesigner::column).toList());
  }

  private static Map<String, Object> column(Column column) {
    return Map.of(
        "name",
        column.name(),
        "key",
        column.name().equals("id") ? " (primary key)" : "",
        "type",
        column.type(),
        "nullable",
        column.nullable() ? "yes" : "no",
        "references",
        column.references() == null ? "" : "`" + column.references() + "`");
  }
}

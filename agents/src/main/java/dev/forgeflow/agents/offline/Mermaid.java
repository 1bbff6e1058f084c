package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.List;
import java.util.Map;

/** The Mermaid entity-relationship diagram of the entities. */
final class Mermaid {
  private static final Map<String, String> TYPES = Map.of("str", "string", "bool", "boolean");

  private Mermaid() {}

  static String erDiagram(List<Entity> entities) {
    StringBuilder out = new StringBuilder("erDiagram\n");
    for (Entity entity : entities) {
      out.append("    ").append(entity.plural()).append(" {\n");
      out.append("        int id PK\n");
      for (Field field : entity.fields()) {
        out.append("        ").append(TYPES.getOrDefault(field.type(), field.type()));
        out.append(' ').append(field.name());
        out.append(field.references() == null ? "" : " FK").append('\n');
      }
      out.append("    }\n");
    }
    for (Entity entity : entities) {
      for (Field field : entity.fields()) {
        if (field.references() != null) {
          String parent = EntityNames.find(entities, field.references()).plural();
          out.append("    ").append(parent).append(field.required() ? " ||--o{ " : " |o--o{ ");
          out.append(entity.plural()).append(" : \"").append(field.name()).append("\"\n");
        }
      }
    }
    return out.toString().stripTrailing();
  }
}

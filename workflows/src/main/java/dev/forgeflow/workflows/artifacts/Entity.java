package dev.forgeflow.workflows.artifacts;

import java.util.List;

/**
 * A resource of the service.
 *
 * @param name singular PascalCase name, e.g. {@code Book}
 * @param plural snake_case plural used for routes and tables, e.g. {@code books}
 * @param fields its fields, without the generated {@code id}
 */
public record Entity(String name, String plural, List<Field> fields) {
  public Entity {
    fields = List.copyOf(fields);
  }
}

package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import java.util.List;

/** The names one entity goes by in code and in prose. */
record EntityNames(String className, String plural, String singular) {
  static EntityNames of(Entity entity) {
    return new EntityNames(entity.name(), entity.plural(), Inflector.snake(entity.name()));
  }

  /** {@code order item} */
  String human() {
    return singular.replace('_', ' ');
  }

  /** {@code order items} */
  String humanPlural() {
    return plural.replace('_', ' ');
  }

  /** {@code an} before {@code order item}, {@code a} before {@code book}. */
  String article() {
    return "aeio".indexOf(singular.charAt(0)) >= 0 ? "an" : "a";
  }

  static Entity find(List<Entity> entities, String className) {
    return entities.stream()
        .filter(e -> e.name().equals(className))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no entity named " + className));
  }
}

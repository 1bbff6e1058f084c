package dev.forgeflow.workflows.artifacts;

/**
 * A typed field of an entity.
 *
 * @param name snake_case field name
 * @param type one of {@code str, int, float, bool, date, datetime}
 * @param required whether a create request must carry it
 * @param references the entity name this field points to (a foreign key), or null
 */
public record Field(String name, String type, boolean required, String references) {
  public static Field of(String name, String type) {
    return new Field(name, type, true, null);
  }
}

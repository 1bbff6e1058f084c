package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Column;
import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import dev.forgeflow.workflows.artifacts.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data model as tables, and back: the tables of an architecture are what the files are rendered
 * from, so a design changed by feedback is the one implemented.
 */
final class DataModel {
  private static final Map<String, String> SQL_TYPES =
      Map.of(
          "str", "VARCHAR",
          "int", "INTEGER",
          "float", "FLOAT",
          "bool", "BOOLEAN",
          "date", "DATE",
          "datetime", "DATETIME");
  private static final Map<String, String> FIELD_TYPES =
      SQL_TYPES.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

  private DataModel() {}

  static List<Table> tables(List<Entity> entities) {
    List<Table> tables = new ArrayList<>();
    for (Entity entity : entities) {
      List<Column> columns = new ArrayList<>();
      columns.add(new Column("id", "INTEGER", false, null));
      for (Field field : entity.fields()) {
        String references =
            field.references() == null
                ? null
                : EntityNames.find(entities, field.references()).plural() + ".id";
        columns.add(
            new Column(field.name(), SQL_TYPES.get(field.type()), !field.required(), references));
      }
      tables.add(new Table(entity.plural(), "id", columns));
    }
    return tables;
  }

  static List<Entity> entities(List<Table> tables) {
    List<Entity> entities = new ArrayList<>();
    for (Table table : tables) {
      List<Field> fields = new ArrayList<>();
      for (Column column : table.columns()) {
        if (!column.name().equals(table.primaryKey())) {
          fields.add(field(column));
        }
      }
      entities.add(new Entity(Inflector.className(table.name()), table.name(), fields));
    }
    return entities;
  }

  private static Field field(Column column) {
    String type = FIELD_TYPES.get(column.type());
    if (type == null) {
      throw new IllegalArgumentException("column " + column.name() + ": unknown " + column.type());
    }
    String references =
        column.references() == null
            ? null
            : Inflector.className(
                column.references().substring(0, column.references().indexOf('.')));
    return new Field(column.name(), type, !column.nullable(), references);
  }
}

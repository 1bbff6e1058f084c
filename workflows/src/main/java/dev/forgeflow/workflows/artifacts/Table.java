package dev.forgeflow.workflows.artifacts;

import java.util.List;

/** A table of the data model; {@code primaryKey} names its key column (null: none declared). */
public record Table(String name, String primaryKey, List<Column> columns) {
  public Table {
    columns = List.copyOf(columns);
  }
}

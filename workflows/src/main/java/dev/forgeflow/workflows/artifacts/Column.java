package dev.forgeflow.workflows.artifacts;

/** A column of a table in the data model; {@code references} is {@code table.column} or null. */
public record Column(String name, String type, boolean nullable, String references) {}

package dev.forgeflow.agents.offline;

/**
 * A field as the prompt wrote it.
 *
 * @param name snake_case name
 * @param type canonical type, or null when the prompt gave none
 * @param optional whether the prompt marked it optional ({@code notes?}, {@code optional notes})
 */
record RawField(String name, String type, boolean optional) {}

package dev.forgeflow.workflows.artifacts;

/** A component of the designed system and what it is responsible for. */
public record Component(String name, String responsibility) {}

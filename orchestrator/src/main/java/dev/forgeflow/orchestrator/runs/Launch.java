package dev.forgeflow.orchestrator.runs;

/** The answer to a run request: started with an id, or refused with the reason (nothing stored). */
public sealed interface Launch permits Launch.Started, Launch.Refused {

  record Started(String runId) implements Launch {}

  record Refused(String reason) implements Launch {}
}

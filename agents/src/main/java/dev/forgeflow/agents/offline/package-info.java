/** The offline planner: a deterministic stand-in for the model when no LLM endpoint is set. */
package dev.forgeflow.agents.offline;

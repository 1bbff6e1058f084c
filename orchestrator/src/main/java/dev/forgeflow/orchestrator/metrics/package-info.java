/** What Forgeflow measures: runs, stages, model usage and journal appends, as Micrometer meters. */
package dev.forgeflow.orchestrator.metrics;

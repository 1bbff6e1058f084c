/** The durable pipeline: Requirements, Architecture, approval gate, Implementer, review loop. */
package dev.forgeflow.workflows.pipeline;

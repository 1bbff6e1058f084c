/** The artifacts the agents produce and the small records that cross Temporal payloads. */
package dev.forgeflow.workflows.artifacts;

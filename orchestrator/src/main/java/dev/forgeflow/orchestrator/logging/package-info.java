/** Log lines as text or JSON, with the run, workflow and user they concern, secrets masked. */
package dev.forgeflow.orchestrator.logging;

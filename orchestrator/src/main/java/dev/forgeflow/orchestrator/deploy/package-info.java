/** Deployments as the orchestrator keeps them: recorded in the store, swept by the janitor. */
package dev.forgeflow.orchestrator.deploy;

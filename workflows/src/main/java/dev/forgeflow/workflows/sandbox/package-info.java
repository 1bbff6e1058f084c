/** The sandbox runner's contract: checks and deployments of generated services in Docker. */
package dev.forgeflow.workflows.sandbox;

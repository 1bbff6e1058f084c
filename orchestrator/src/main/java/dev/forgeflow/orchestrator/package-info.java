/** The Forgeflow application: configuration, Temporal client and workers, embedded defaults. */
package dev.forgeflow.orchestrator;

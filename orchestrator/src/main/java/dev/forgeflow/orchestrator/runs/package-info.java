/** Starting, steering and following runs: what the CLI (and later the gateway) calls. */
package dev.forgeflow.orchestrator.runs;

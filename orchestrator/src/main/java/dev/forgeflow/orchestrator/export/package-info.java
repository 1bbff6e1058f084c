/** Writing a stored code bundle to disk, confined to its project folder. */
package dev.forgeflow.orchestrator.export;

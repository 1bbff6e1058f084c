/** Workflow and activity contracts of the Forgeflow pipeline; deterministic, free of I/O. */
package dev.forgeflow.workflows;

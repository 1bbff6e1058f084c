/** The Temporal dev server local mode runs on, provisioned and kept under the data dir. */
package dev.forgeflow.orchestrator.temporal;

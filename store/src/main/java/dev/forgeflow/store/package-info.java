/**
 * Durable state of Forgeflow in PostgreSQL: runs, their event journal, artifacts, bundles, LLM
 * calls and the model replies retried activities reuse.
 */
package dev.forgeflow.store;

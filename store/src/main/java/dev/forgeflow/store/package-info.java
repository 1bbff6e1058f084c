/**
 * Durable state of Forgeflow in PostgreSQL: runs, their event journal, artifacts, bundles, LLM
 * calls and the model replies retried activities reuse; users and their credentials are in {@code
 * accounts}.
 */
package dev.forgeflow.store;

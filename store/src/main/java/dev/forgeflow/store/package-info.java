/**
 * Durable state of Forgeflow in PostgreSQL: runs, their event journal, artifacts, bundles, LLM
 * calls.
 */
package dev.forgeflow.store;

/**
 * The LLM port, its OpenAI-compatible adapter, the ledger of replies retried activities reuse,
 * structured output, usage and stream progress.
 */
package dev.forgeflow.agents.llm;

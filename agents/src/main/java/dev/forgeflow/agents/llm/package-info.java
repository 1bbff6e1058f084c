/** The LLM port, its OpenAI-compatible adapter, structured output, usage and stream progress. */
package dev.forgeflow.agents.llm;

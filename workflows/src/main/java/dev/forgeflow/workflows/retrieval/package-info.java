/**
 * Retrieval before each agent writes: the activity that searches the project's documents, the
 * knowledge base or the generated code, keeps what it found for the agent, and indexes each code
 * version for questions about it.
 */
package dev.forgeflow.workflows.retrieval;

/**
 * Retrieval: the vector store port and its two adapters (an embedded store persisted in the data
 * dir, and Chroma), the bundled embeddings, the knowledge base, chunking of documents and code,
 * reading uploaded documents, and the activities that retrieve for the agents.
 */
package dev.forgeflow.agents.retrieval;

package dev.forgeflow.workflows.retrieval;

/** Where the retrieved passages are kept, and how many there are. */
public record RetrievalResult(String contextId, int passages) {}

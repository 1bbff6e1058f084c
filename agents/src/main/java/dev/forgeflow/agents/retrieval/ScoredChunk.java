package dev.forgeflow.agents.retrieval;

/** A chunk a search found, with how well it matched: cosine similarity mapped to 0..1. */
public record ScoredChunk(Chunk chunk, double score) {}

/** Retrieval quality and latency on the labelled sets, for both vector store adapters. */
package dev.forgeflow.bench.retrieval;

/** Benchmark of the gateway's Server-Sent Events: delivery latency and memory per subscriber. */
package dev.forgeflow.bench.sse;

/**
 * Benchmarks of the pipeline's parallelism and overhead against a fake model with fixed latency.
 */
package dev.forgeflow.bench;

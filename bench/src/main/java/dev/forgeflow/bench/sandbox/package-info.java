/** Benchmark of the sandbox: deploy to healthy and project image builds against a bare run. */
package dev.forgeflow.bench.sandbox;

package dev.forgeflow.bench.sandbox;

import dev.forgeflow.bench.BenchArgs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One sandbox benchmark invocation's settings, from {@code --name=value} arguments.
 *
 * @param rounds measured rounds
 * @param warmups rounds before those, not counted
 * @param prompt the service whose project is built and deployed
 * @param baseImage the sandbox base image, already on the daemon
 */
record SandboxOptions(int rounds, int warmups, String prompt, String baseImage) {

  static final String DEFAULT_PROMPT = "A library API with books (title, author, price: float)";
  static final String DEFAULT_BASE_IMAGE = "forgeflow/sandbox-python:latest";
  private static final List<String> NAMES = List.of("rounds", "warmups", "prompt");

  /** The options {@code args} give; the base image is {@code FORGEFLOW_SANDBOX_BASE_IMAGE}. */
  static SandboxOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> given = BenchArgs.parse(args);
    Set<String> unknown = new TreeSet<>(given.keySet());
    NAMES.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + NAMES);
    }
    String base = env.getOrDefault("FORGEFLOW_SANDBOX_BASE_IMAGE", "").strip();
    return new SandboxOptions(
        BenchArgs.number(given.get("rounds"), 5, 1),
        BenchArgs.number(given.get("warmups"), 1, 0),
        given.getOrDefault("prompt", DEFAULT_PROMPT),
        base.isEmpty() ? DEFAULT_BASE_IMAGE : base);
  }
}

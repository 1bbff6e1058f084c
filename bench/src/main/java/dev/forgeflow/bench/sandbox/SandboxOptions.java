package dev.forgeflow.bench.sandbox;

import java.util.HashMap;
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
    Map<String, String> given = arguments(args);
    Set<String> unknown = new TreeSet<>(given.keySet());
    NAMES.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + NAMES);
    }
    String base = env.getOrDefault("FORGEFLOW_SANDBOX_BASE_IMAGE", "").strip();
    return new SandboxOptions(
        number(given.get("rounds"), 5, 1),
        number(given.get("warmups"), 1, 0),
        given.getOrDefault("prompt", DEFAULT_PROMPT),
        base.isEmpty() ? DEFAULT_BASE_IMAGE : base);
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      given.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return given;
  }

  private static int number(String value, int fallback, int min) {
    if (value == null) {
      return fallback;
    }
    int parsed = Integer.parseInt(value.strip());
    if (parsed < min) {
      throw new IllegalArgumentException("expected at least " + min + ", got " + parsed);
    }
    return parsed;
  }
}

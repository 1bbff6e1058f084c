package dev.forgeflow.bench;

import java.util.HashMap;
import java.util.Map;

/** The benchmarks' {@code --name=value} arguments. */
public final class BenchArgs {
  private BenchArgs() {}

  /** The arguments by name; anything not of the form {@code --name=value} is refused. */
  public static Map<String, String> parse(String[] args) {
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

  /** A whole number of at least {@code min}, or {@code fallback} when not given. */
  public static int number(String value, int fallback, int min) {
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
    }
    if (parsed < min) {
      throw new IllegalArgumentException("expected at least " + min + ", got " + parsed);
    }
    return parsed;
  }
}

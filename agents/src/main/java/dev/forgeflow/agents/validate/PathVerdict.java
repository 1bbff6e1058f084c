package dev.forgeflow.agents.validate;

/**
 * The outcome of checking one model-given path.
 *
 * @param normalized the path in canonical form ({@code app/routers/books.py}), null when rejected
 * @param rejection why the path was rejected, null when it is safe
 */
public record PathVerdict(String normalized, String rejection) {

  static PathVerdict accepted(String normalized) {
    return new PathVerdict(normalized, null);
  }

  static PathVerdict rejected(String rejection) {
    return new PathVerdict(null, rejection);
  }

  /** Whether the path is safe to write inside the project root. */
  public boolean ok() {
    return rejection == null;
  }
}

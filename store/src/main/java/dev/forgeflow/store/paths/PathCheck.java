package dev.forgeflow.store.paths;

/**
 * The outcome of checking one generated path.
 *
 * @param normalized the path in canonical form ({@code app/routers/books.py}), null when rejected
 * @param rejection why the path was rejected, null when it is safe
 */
public record PathCheck(String normalized, String rejection) {

  static PathCheck accepted(String normalized) {
    return new PathCheck(normalized, null);
  }

  static PathCheck rejected(String rejection) {
    return new PathCheck(null, rejection);
  }

  /** Whether the path is safe to write inside the project root. */
  public boolean ok() {
    return rejection == null;
  }
}

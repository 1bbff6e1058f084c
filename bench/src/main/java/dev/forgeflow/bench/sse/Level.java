package dev.forgeflow.bench.sse;

/**
 * One load level: {@code subscribers} streams open at once, spread evenly over {@code runs} runs
 * (subscriber {@code i} follows run {@code i % runs}).
 */
record Level(int subscribers, int runs) {

  Level {
    if (subscribers < 1 || runs < 1 || runs > subscribers) {
      throw new IllegalArgumentException(
          "a level needs 1 ≤ runs ≤ subscribers, got " + subscribers + " over " + runs);
    }
  }

  /** Which run subscriber {@code index} follows. */
  int runOf(int index) {
    return index % runs;
  }

  String label() {
    return subscribers
        + (subscribers == 1 ? " subscriber, " : " subscribers, ")
        + runs
        + (runs == 1 ? " run" : " runs");
  }
}

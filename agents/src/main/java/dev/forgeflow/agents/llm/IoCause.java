package dev.forgeflow.agents.llm;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;

/** Says in a few words why a request got no answer: refused, timed out, or what else. */
final class IoCause {
  private IoCause() {}

  static String describe(Throwable failure, Duration timeout) {
    Throwable root = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "could not be reached: connection refused (" + t.getMessage() + ")";
      }
      if (t instanceof InterruptedIOException) {
        return "gave no answer: timed out after " + timeout.toMillis() + " ms";
      }
      root = t;
    }
    String message = root.getMessage();
    return "could not be reached: "
        + root.getClass().getSimpleName()
        + (message == null ? "" : ": " + message);
  }
}

package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container's log, handed over a line at a time (stdout and stderr interleaved). Closing stops a
 * follow.
 */
public final class LogStream extends ResultCallback.Adapter<Frame> implements Closeable {

  private final Consumer<String> lines;
  private final StringBuilder partial = new StringBuilder();

  LogStream(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void onNext(Frame frame) {
    partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
    int end;
    while ((end = partial.indexOf("\n")) >= 0) {
      lines.accept(partial.substring(0, end));
      partial.delete(0, end + 1);
    }
  }

  @Override
  public synchronized void onComplete() {
    if (partial.length() > 0) {
      lines.accept(partial.toString());
      partial.setLength(0);
    }
    super.onComplete();
  }

  /** Waits until the log ends (the container stopped, or a tail was read); false on timeout. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}

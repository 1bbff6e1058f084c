package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container's log, handed over a line at a time (stdout and stderr interleaved). A line longer
 * than {@value #MAX_LINE_CHARS} characters is cut there and marked with {@value #CUT}; the rest of
 * it is dropped, so a service that writes without newlines never grows the buffer. Closing stops a
 * follow.
 */
public final class LogStream extends ResultCallback.Adapter<Frame> implements Closeable {

  /** The longest line handed over. */
  public static final int MAX_LINE_CHARS = 8_192;

  /** What ends a line that was cut. */
  public static final String CUT = " …[cut]";

  private final Consumer<String> lines;
  private final StringBuilder partial = new StringBuilder();
  private boolean dropping;

  LogStream(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void onNext(Frame frame) {
    String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
    int start = 0;
    int end;
    while ((end = text.indexOf('\n', start)) >= 0) {
      append(text, start, end);
      if (!dropping) {
        lines.accept(partial.toString());
      }
      partial.setLength(0);
      dropping = false;
      start = end + 1;
    }
    append(text, start, text.length());
  }

  /** Adds text to the current line up to the bound; past it, hands the cut line over once. */
  private void append(String text, int from, int to) {
    if (dropping) {
      return;
    }
    int room = MAX_LINE_CHARS - partial.length();
    if (to - from <= room) {
      partial.append(text, from, to);
      return;
    }
    partial.append(text, from, from + room).append(CUT);
    lines.accept(partial.toString());
    partial.setLength(0);
    dropping = true;
  }

  @Override
  public synchronized void onComplete() {
    if (partial.length() > 0 && !dropping) {
      lines.accept(partial.toString());
    }
    partial.setLength(0);
    super.onComplete();
  }

  /** Waits until the log ends (the container stopped, or a tail was read); false on timeout. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}

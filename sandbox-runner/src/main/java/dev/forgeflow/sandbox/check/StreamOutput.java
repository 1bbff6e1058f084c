package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;

/**
 * Collects a container's or an exec's two streams from Docker's frames, each up to 1 MiB, and both
 * interleaved in the order the frames came (a server's access lines on stdout and its tracebacks on
 * stderr belong together).
 */
final class StreamOutput extends ResultCallback.Adapter<Frame> {

  static final int MAX_BYTES = 1 << 20;

  private final StringBuilder stdout = new StringBuilder();
  private final StringBuilder stderr = new StringBuilder();
  private final StringBuilder interleaved = new StringBuilder();

  @Override
  public void onNext(Frame frame) {
    StringBuilder target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
    synchronized (this) {
      String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
      if (target.length() < MAX_BYTES) {
        target.append(text);
      }
      if (interleaved.length() < 2 * MAX_BYTES) {
        interleaved.append(text);
      }
    }
  }

  synchronized String stdout() {
    return stdout.toString();
  }

  synchronized String stderr() {
    return stderr.toString();
  }

  /** Both streams in the order their frames came. */
  synchronized String interleaved() {
    return interleaved.toString();
  }
}

package dev.forgeflow.bench.sse;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Reads one Server-Sent Events stream as its bytes arrive, in whatever chunks: an event with an
 * {@code id} is reported when the blank line that ends it is read, with the clock's time then;
 * comments are reported as they are read. Lines end in LF, CRLF or CR. Not thread-safe: one stream,
 * one thread at a time (its connection's event loop).
 */
final class SseParser {

  /** What the stream carried. */
  interface Listener {
    /** An event ended; {@code receivedNanos} is the clock's time as its last line was read. */
    void event(long id, long receivedNanos);

    /** A comment line, without its leading colon and blanks. */
    void comment(String text);
  }

  private final Listener listener;
  private final LongSupplier clock;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean afterCr;
  private String id;

  SseParser(Listener listener, LongSupplier clock) {
    this.listener = listener;
    this.clock = clock;
  }

  /** Reads the buffer's readable bytes, leaving its indexes as they are. */
  void feed(ByteBuf bytes) {
    for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
      accept(bytes.getByte(i));
    }
  }

  void feed(byte[] bytes) {
    for (byte b : bytes) {
      accept(b);
    }
  }

  private void accept(byte b) {
    boolean lf = b == '\n';
    if (lf && afterCr) {
      afterCr = false;
      return;
    }
    afterCr = b == '\r';
    if (lf || afterCr) {
      endLine();
    } else {
      line.write(b);
    }
  }

  private void endLine() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.isEmpty()) {
      if (id != null) {
        listener.event(Long.parseLong(id), clock.getAsLong());
      }
      id = null;
    } else if (text.startsWith(":")) {
      listener.comment(text.substring(1).strip());
    } else if (text.startsWith("id:")) {
      id = text.substring(3).strip();
    }
  }
}

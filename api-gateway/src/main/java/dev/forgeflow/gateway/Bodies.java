package dev.forgeflow.gateway;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;

/** Request bodies read whole, within a bound. */
final class Bodies {
  private Bodies() {}

  /**
   * The bytes of a body of at most {@code max} bytes (empty when there are none); a longer body is
   * the error {@code tooLarge} makes, and what was read of it is released.
   */
  static Mono<byte[]> bytes(
      Publisher<DataBuffer> body, int max, java.util.function.Supplier<RuntimeException> tooLarge) {
    return DataBufferUtils.join(body, max)
        .map(
            joined -> {
              byte[] bytes = new byte[joined.readableByteCount()];
              joined.read(bytes);
              DataBufferUtils.release(joined);
              return bytes;
            })
        .defaultIfEmpty(new byte[0])
        .onErrorMap(DataBufferLimitException.class, limit -> tooLarge.get());
  }
}

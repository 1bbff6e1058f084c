package dev.forgeflow.gateway;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Request bodies read whole, within a bound. */
final class Bodies {
  private Bodies() {}

  /**
   * A body cut off past {@code max} bytes. What comes after the bound is read and dropped, up to
   * {@code swallow} bytes more, before the error {@code tooLarge} makes: a client still sending its
   * body then reads the refusal instead of a connection closed under it. A body larger still is
   * refused at once.
   */
  static Flux<DataBuffer> bounded(
      Flux<DataBuffer> body,
      long max,
      long swallow,
      java.util.function.Supplier<RuntimeException> tooLarge) {
    return Flux.defer(
        () -> {
          long[] seen = {0};
          return body.<DataBuffer>handle(
                  (buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] <= max) {
                      sink.next(buffer);
                      return;
                    }
                    DataBufferUtils.release(buffer);
                    if (seen[0] > max + swallow) {
                      sink.error(tooLarge.get());
                    }
                  })
              .concatWith(
                  Mono.defer(() -> seen[0] > max ? Mono.error(tooLarge.get()) : Mono.empty()));
        });
  }

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

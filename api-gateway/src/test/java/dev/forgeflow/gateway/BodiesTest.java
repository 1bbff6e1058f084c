package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BodiesTest {

  private static final DefaultDataBufferFactory BUFFERS = new DefaultDataBufferFactory();

  private static Flux<DataBuffer> chunks(int count, int size, AtomicInteger read) {
    return Flux.range(0, count)
        .map(
            i -> {
              read.incrementAndGet();
              return BUFFERS.wrap("x".repeat(size).getBytes(StandardCharsets.US_ASCII));
            });
  }

  private static RuntimeException tooLarge() {
    return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void aBodyWithinTheBoundPassesWhole() {
    AtomicInteger read = new AtomicInteger();
    StepVerifier.create(Bodies.bounded(chunks(4, 10, read), 40, 100, BodiesTest::tooLarge))
        .expectNextCount(4)
        .verifyComplete();
  }

  @Test
  void pastTheBoundTheRestIsReadAndDroppedThenRefused() {
    AtomicInteger read = new AtomicInteger();
    StepVerifier.create(Bodies.bounded(chunks(10, 10, read), 25, 100, BodiesTest::tooLarge))
        .expectNextCount(2)
        .verifyErrorMatches(e -> e instanceof ResponseStatusException);
    assertThat(read).hasValue(10);
  }

  @Test
  void aBodyLargerThanWhatIsSwallowedIsRefusedWithoutReadingIt() {
    AtomicInteger read = new AtomicInteger();
    StepVerifier.create(Bodies.bounded(chunks(1000, 10, read), 20, 30, BodiesTest::tooLarge))
        .expectNextCount(2)
        .verifyErrorMatches(e -> e instanceof ResponseStatusException);
    assertThat(read.get()).isLessThan(10);
  }
}

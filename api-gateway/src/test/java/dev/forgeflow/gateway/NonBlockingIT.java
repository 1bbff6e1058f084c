package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The check every gateway IT ends with does catch a blocking call on a non-blocking thread. */
class NonBlockingIT {

  @Test
  void aSleepOnANonBlockingThreadIsCaughtAndOnABlockingOneIsNot() {
    NonBlocking.install();
    NonBlocking.assertNone();

    Mono.fromRunnable(NonBlockingIT::sleep)
        .subscribeOn(Schedulers.boundedElastic())
        .block(Duration.ofSeconds(10));
    assertThatCode(NonBlocking::assertNone).doesNotThrowAnyException();

    Mono.fromRunnable(NonBlockingIT::sleep)
        .subscribeOn(Schedulers.parallel())
        .block(Duration.ofSeconds(10));
    assertThatThrownBy(NonBlocking::assertNone)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Thread.sleep")
        .hasMessageContaining("parallel");
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

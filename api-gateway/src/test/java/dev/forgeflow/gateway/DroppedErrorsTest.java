package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/** What Reactor drops reaches the log by what it is, not as Reactor's default ERROR. */
class DroppedErrorsTest {

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Level level;

  @BeforeEach
  void listen() {
    DroppedErrors.install();
    DroppedErrors.install(); // a second install must not log everything twice
    logged.start();
    for (Logger logger : loggers()) {
      logger.addAppender(logged);
    }
    level = loggers()[0].getLevel();
    loggers()[0].setLevel(Level.DEBUG);
  }

  @AfterEach
  void stopListening() {
    for (Logger logger : loggers()) {
      logger.detachAppender(logged);
    }
    loggers()[0].setLevel(level);
  }

  private static Logger[] loggers() {
    return new Logger[] {
      (Logger) LoggerFactory.getLogger(DroppedErrors.class),
      (Logger) LoggerFactory.getLogger(Operators.class)
    };
  }

  @Test
  void aRefusalReportedAgainAfterItsAnswerIsOneDebugLine() {
    Operators.onErrorDropped(
        Problems.payloadTooLarge("A document may be at most 5242880 bytes (5 MiB)"),
        Context.empty());

    assertThat(logged.list).hasSize(1);
    ILoggingEvent line = logged.list.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(line.getFormattedMessage())
        .isEqualTo(
            "a refusal already answered was reported again: 413"
                + " A document may be at most 5242880 bytes (5 MiB)");
    assertThat(line.getThrowableProxy()).isNull();
  }

  @Test
  void anyOtherDroppedErrorIsAWarningWithItsStackTrace() {
    Operators.onErrorDropped(new IllegalStateException("journal gone"), Context.empty());

    assertThat(logged.list).hasSize(1);
    ILoggingEvent line = logged.list.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.WARN);
    assertThat(line.getThrowableProxy().getMessage()).isEqualTo("journal gone");
  }

  @Test
  void aServerErrorIsNotTakenForARefusal() {
    Operators.onErrorDropped(
        Problems.status(
            org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", "down"),
        Context.empty());

    assertThat(logged.list)
        .singleElement()
        .extracting(ILoggingEvent::getLevel)
        .isEqualTo(Level.WARN);
  }
}

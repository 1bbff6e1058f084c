package dev.forgeflow.gateway;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Hooks;

/**
 * Errors Reactor drops because whoever would have received them has already finished. Among them
 * are the gateway's own refusals reported a second time: an oversized upload is answered 413, and
 * the multipart reader may then report the cut-off body once more. Such a refusal (a 4xx whose
 * answer the client already has) is one line at DEBUG. Anything else stays a WARN with its stack
 * trace, since a dropped failure is otherwise invisible.
 */
final class DroppedErrors {

  private static final Logger LOG = LoggerFactory.getLogger(DroppedErrors.class);
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private DroppedErrors() {}

  /** Routes dropped errors here, once per process (Reactor chains every hook it is given). */
  static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      Hooks.onErrorDropped(DroppedErrors::log);
    }
  }

  static void log(Throwable error) {
    if (error instanceof ErrorResponseException refusal
        && refusal.getStatusCode().is4xxClientError()) {
      LOG.debug(
          "a refusal already answered was reported again: {} {}",
          refusal.getStatusCode().value(),
          refusal.getBody().getDetail());
      return;
    }
    LOG.warn("an error arrived after its stream had ended and was dropped", error);
  }
}

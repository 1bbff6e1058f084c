package dev.forgeflow.orchestrator.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What both log formats write of an event, secrets masked: its time, level, logger, thread,
 * message, the context it ran in (the MDC: {@code runId}, {@code workflowId}, {@code user}, …) and
 * its exception.
 */
record LogEntry(
    Instant time,
    String level,
    String logger,
    String thread,
    String message,
    Map<String, String> context,
    String error) {

  static LogEntry of(ILoggingEvent event) {
    Map<String, String> context = new TreeMap<>();
    event.getMDCPropertyMap().forEach((key, value) -> context.put(key, Redaction.redact(value)));
    IThrowableProxy thrown = event.getThrowableProxy();
    return new LogEntry(
        Instant.ofEpochMilli(event.getTimeStamp()),
        event.getLevel().toString(),
        event.getLoggerName(),
        event.getThreadName(),
        Redaction.redact(event.getFormattedMessage()),
        context,
        thrown == null ? null : Redaction.redact(ThrowableProxyUtil.asString(thrown)));
  }
}

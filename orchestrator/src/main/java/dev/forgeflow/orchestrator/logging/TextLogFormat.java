package dev.forgeflow.orchestrator.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.stream.Collectors;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * {@code FORGEFLOW_LOG_FORMAT=text} (the default): one readable line per entry — time, level,
 * thread, logger, the context in brackets ({@code runId=… workflowId=… user=…}) and the message,
 * then the stack trace — secrets masked.
 */
public final class TextLogFormat implements StructuredLogFormatter<ILoggingEvent> {

  @Override
  public String format(ILoggingEvent event) {
    LogEntry entry = LogEntry.of(event);
    StringBuilder line =
        new StringBuilder()
            .append(entry.time())
            .append(' ')
            .append(String.format("%5s", entry.level()))
            .append(" [")
            .append(entry.thread())
            .append("] ")
            .append(entry.logger());
    if (!entry.context().isEmpty()) {
      line.append(' ')
          .append(
              entry.context().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(" ", "[", "]")));
    }
    line.append(" : ").append(entry.message()).append('\n');
    if (entry.error() != null) {
      line.append(entry.error());
    }
    return line.toString();
  }
}

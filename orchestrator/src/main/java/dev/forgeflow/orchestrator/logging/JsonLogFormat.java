package dev.forgeflow.orchestrator.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * {@code FORGEFLOW_LOG_FORMAT=json}: one JSON object per line — {@code @timestamp}, {@code level},
 * {@code logger}, {@code thread}, {@code message}, each MDC entry ({@code runId}, {@code
 * workflowId}, {@code user}, …) as its own field, and {@code error} with the stack trace — secrets
 * masked.
 */
public final class JsonLogFormat implements StructuredLogFormatter<ILoggingEvent> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String format(ILoggingEvent event) {
    LogEntry entry = LogEntry.of(event);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("@timestamp", entry.time().toString());
    line.put("level", entry.level());
    line.put("logger", entry.logger());
    line.put("thread", entry.thread());
    line.put("message", entry.message());
    entry.context().forEach(line::putIfAbsent);
    if (entry.error() != null) {
      line.put("error", entry.error());
    }
    try {
      return JSON.writeValueAsString(line) + "\n";
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"message\":\"unwritable log entry\"}\n";
    }
  }
}

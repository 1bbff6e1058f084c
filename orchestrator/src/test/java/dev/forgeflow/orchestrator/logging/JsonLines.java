package dev.forgeflow.orchestrator.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * A logger whose lines go through Spring Boot's structured log encoder with a Forgeflow format, as
 * {@code FORGEFLOW_LOG_FORMAT} chooses it, into memory.
 */
final class JsonLines implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger logger;

  JsonLines(String loggerName, Class<?> format) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (context.getObject(Environment.class.getName()) == null) {
      context.putObject(Environment.class.getName(), new StandardEnvironment());
    }
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format.getName());
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    logger = context.getLogger(loggerName);
    logger.addAppender(appender);
  }

  synchronized String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every line written so far, parsed. */
  List<JsonNode> lines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text().split("\n")) {
      if (!line.isBlank()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (java.io.IOException e) {
          throw new UncheckedIOException("not a JSON line: " + line, e);
        }
      }
    }
    return lines;
  }

  /** The one line whose message is {@code message}. */
  JsonNode line(String message) {
    return lines().stream()
        .filter(l -> l.path("message").asText().equals(message))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + message + "' in:\n" + text()));
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}

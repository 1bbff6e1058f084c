package dev.forgeflow.sandbox.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's Uvicorn log, split by request: Uvicorn logs a request's access line before the
 * traceback of the exception it raised, so a traceback belongs to the access line above it.
 */
final class ServerLog {

  private static final Pattern ACCESS =
      Pattern.compile("(?m)^INFO:\\s+\\S+ - \"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3})");

  private final String text;
  private final Map<String, SourceLine> failedRequests = new LinkedHashMap<>();

  ServerLog(String text) {
    this.text = text;
    Matcher access = ACCESS.matcher(text);
    int start = -1;
    String request = null;
    while (access.find()) {
      remember(request, start, access.start());
      request = access.group(1) + " " + access.group(2);
      start = access.end();
    }
    remember(request, start, text.length());
  }

  /** The project line a traceback logged for {@code "METHOD /path"} names, if any. */
  Optional<SourceLine> failureOf(String request) {
    return Optional.ofNullable(failedRequests.get(request));
  }

  /** The project line the log's last traceback names, if any. */
  Optional<SourceLine> lastTraceback() {
    return Tracebacks.lastProjectFrame(text);
  }

  boolean hasTraceback() {
    return text.contains("Traceback (most recent call last)");
  }

  String text() {
    return text;
  }

  private void remember(String request, int start, int end) {
    if (request != null) {
      Tracebacks.lastProjectFrame(text.substring(start, end))
          .ifPresent(line -> failedRequests.putIfAbsent(request, line));
    }
  }
}

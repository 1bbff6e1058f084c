package dev.forgeflow.agents.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parses {@link LlmSettings} from environment variables, naming the variable that is wrong. */
final class LlmSettingsParser {
  static final String BASE_URL = "FORGEFLOW_LLM_BASE_URL";
  static final String API_KEY = "FORGEFLOW_LLM_API_KEY";
  static final String FALLBACK_URLS = "FORGEFLOW_LLM_FALLBACK_BASE_URLS";
  static final String FALLBACK_KEYS = "FORGEFLOW_LLM_FALLBACK_API_KEYS";
  static final String MODEL = "FORGEFLOW_LLM_MODEL";
  static final String TIMEOUT = "FORGEFLOW_LLM_TIMEOUT_SECONDS";
  static final String PRICES = "FORGEFLOW_LLM_PRICES";
  static final String DEFAULT_MODEL = "gpt-4o-mini";
  static final List<String> AGENTS =
      List.of("requirements", "architecture", "implementer", "reviewer");

  private LlmSettingsParser() {}

  static Optional<LlmSettings> parse(Map<String, String> env) {
    String baseUrl = value(env, BASE_URL);
    if (baseUrl == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LlmSettings(
            endpoints(env, baseUrl),
            Optional.ofNullable(value(env, MODEL)).orElse(DEFAULT_MODEL),
            agentModels(env),
            timeout(env),
            LlmPrices.parse(PRICES, value(env, PRICES))));
  }

  private static List<LlmEndpoint> endpoints(Map<String, String> env, String baseUrl) {
    String key = Optional.ofNullable(value(env, API_KEY)).orElse("");
    List<LlmEndpoint> endpoints = new ArrayList<>();
    endpoints.add(new LlmEndpoint(url(BASE_URL, baseUrl), key));
    List<String> urls = list(value(env, FALLBACK_URLS));
    List<String> keys = list(value(env, FALLBACK_KEYS));
    if (!keys.isEmpty() && keys.size() != urls.size()) {
      throw new IllegalArgumentException(
          String.format(
              "%s must list one key per URL in %s (%d URLs, %d keys)",
              FALLBACK_KEYS, FALLBACK_URLS, urls.size(), keys.size()));
    }
    for (int i = 0; i < urls.size(); i++) {
      endpoints.add(
          new LlmEndpoint(url(FALLBACK_URLS, urls.get(i)), keys.isEmpty() ? key : keys.get(i)));
    }
    return endpoints;
  }

  private static Map<String, String> agentModels(Map<String, String> env) {
    Map<String, String> models = new LinkedHashMap<>();
    for (String agent : AGENTS) {
      String model = value(env, MODEL + "_" + agent.toUpperCase(Locale.ROOT));
      if (model != null) {
        models.put(agent, model);
      }
    }
    return models;
  }

  private static Duration timeout(Map<String, String> env) {
    String raw = value(env, TIMEOUT);
    if (raw == null) {
      return Duration.ofSeconds(120);
    }
    try {
      long seconds = Long.parseLong(raw);
      if (seconds > 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        TIMEOUT + " must be a positive whole number of seconds, was '" + raw + "'");
  }

  private static String url(String variable, String raw) {
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        variable + " must hold http(s) URLs such as http://127.0.0.1:11434/v1, was '" + raw + "'");
  }

  private static List<String> list(String raw) {
    if (raw == null) {
      return List.of();
    }
    return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String value(Map<String, String> env, String name) {
    String raw = env.get(name);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }
}

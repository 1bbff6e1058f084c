package dev.forgeflow.orchestrator.logging;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in log text, whatever wrote it: API keys ({@code sk-…}), bearer tokens, the session
 * cookie, passwords and tokens given as {@code name=value}, webhook signing secrets ({@code
 * whsec_…}), and the values of the secret settings this process was started with (its model API
 * keys, database passwords).
 */
public final class Redaction {
  static final String MASK = "***";
  private static final int SHORTEST_SECRET = 6;

  private static final List<Rule> RULES =
      List.of(
          new Rule("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+", "$1" + MASK),
          new Rule("\\bsk-[A-Za-z0-9_-]{6,}", "sk-" + MASK),
          new Rule("\\bwhsec_[A-Za-z0-9+/=_-]+", "whsec_" + MASK),
          new Rule("(?i)(forgeflow_session=)[^;\\s,\"']+", "$1" + MASK),
          new Rule(
              "(?i)\\b([a-z_-]*(?:password|passwd|secret|api[_-]?key|token)[\"']?\\s*[=:]\\s*[\"']?)"
                  + "[^\\s\"',;&}]+",
              "$1" + MASK));

  private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

  private Redaction() {}

  /** Masks these values (a configured key, a password) wherever they appear from now on. */
  public static void remember(Collection<String> secrets) {
    for (String secret : secrets) {
      if (secret != null && secret.strip().length() >= SHORTEST_SECRET) {
        SECRETS.add(secret.strip());
      }
    }
  }

  /** {@code text} with every secret in it masked; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String secret :
        SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      masked = masked.replace(secret, MASK);
    }
    for (Rule rule : RULES) {
      masked = rule.apply(masked);
    }
    return masked;
  }

  private record Rule(Pattern pattern, String replacement) {
    Rule(String regex, String replacement) {
      this(Pattern.compile(regex), replacement);
    }

    String apply(String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
  }
}

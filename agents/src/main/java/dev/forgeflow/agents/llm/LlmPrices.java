package dev.forgeflow.agents.llm;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code model=in/out,model2=in/out} price lists (USD per million tokens). */
final class LlmPrices {
  private LlmPrices() {}

  static Map<String, ModelPrice> parse(String variable, String raw) {
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    if (raw == null) {
      return prices;
    }
    for (String entry : raw.split(",")) {
      if (!entry.isBlank()) {
        int eq = entry.lastIndexOf('=');
        if (eq <= 0) {
          throw malformed(variable, entry);
        }
        prices.put(entry.substring(0, eq).strip(), price(variable, entry, entry.substring(eq + 1)));
      }
    }
    return prices;
  }

  private static ModelPrice price(String variable, String entry, String value) {
    String[] parts = value.split("/");
    if (parts.length != 2) {
      throw malformed(variable, entry);
    }
    try {
      double in = Double.parseDouble(parts[0].strip());
      double out = Double.parseDouble(parts[1].strip());
      if (Double.isFinite(in) && Double.isFinite(out) && in >= 0 && out >= 0) {
        return new ModelPrice(in, out);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed(variable, entry);
  }

  private static IllegalArgumentException malformed(String variable, String entry) {
    return new IllegalArgumentException(
        variable
            + " entries must look like model=0.15/0.60 (USD per million prompt/completion tokens),"
            + " got '"
            + entry.strip()
            + "'");
  }
}

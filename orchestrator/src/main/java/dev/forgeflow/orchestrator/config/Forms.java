package dev.forgeflow.orchestrator.config;

/** Regular expressions the settings records share. */
final class Forms {
  /** An http(s) URL with a host, optionally a path; no query or fragment. */
  static final String HTTP_URL = "https?://[^\\s/?#,]+(/[^\\s?#,]*)?";

  /** A comma-separated list of {@link #HTTP_URL}s, or nothing. */
  static final String HTTP_URLS = "|\\s*" + HTTP_URL + "\\s*(,\\s*" + HTTP_URL + "\\s*)*";

  /** host:port, the host a name, an IPv4 address or a bracketed IPv6 address. */
  static final String HOST_PORT = "(\\[[0-9a-fA-F:.]+\\]|[^\\s:/\\[\\]]+):\\d{1,5}";

  /** A Docker image reference: optional registry and path, a name, an optional tag or digest. */
  static final String IMAGE = "[a-z0-9][a-z0-9._/:-]*(@sha256:[a-f0-9]{64})?";

  private static final String AMOUNT = "\\s*\\d+(\\.\\d+)?\\s*";
  private static final String PRICE = "\\s*[^=,\\s]+\\s*=" + AMOUNT + "/" + AMOUNT;

  /** {@code model=in/out} entries, comma-separated (USD per million tokens), or nothing. */
  static final String PRICES = "(" + PRICE + ")?(,(" + PRICE + ")?)*";

  /** What a model setting expects. */
  static final String MODEL = "a model name without spaces, such as gpt-4o-mini, or empty";

  static final String LESS_THAN_1 = "less than 1";
  static final String LESS_THAN_2 = "less than 2";
  static final String AT_LEAST_1 = "a whole number of at least 1";
  static final String AT_LEAST_2 = "a whole number of at least 2";

  private Forms() {}
}

package dev.forgeflow.gateway;

/**
 * Where a client's event stream starts: after the event a reconnecting client names in its {@code
 * Last-Event-ID} header (or, for clients that cannot set headers, its {@code lastEventId} query
 * parameter), or at the start of the journal.
 */
sealed interface ResumePoint {

  /** Every event after {@code seq}; 0 is the whole journal. */
  record After(long seq) implements ResumePoint {}

  /** The id is not an event's sequence number; {@code reason} says why, fit for the client. */
  record Malformed(String reason) implements ResumePoint {}

  /**
   * The resume point a request names: the header wins over the query parameter; neither (or a blank
   * one) starts at the beginning.
   */
  static ResumePoint of(String header, String queryParameter) {
    String id = header != null && !header.isBlank() ? header : queryParameter;
    if (id == null || id.isBlank()) {
      return new After(0);
    }
    String trimmed = id.strip();
    if (trimmed.length() > 19 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return malformed(id);
    }
    try {
      return new After(Long.parseLong(trimmed));
    } catch (NumberFormatException tooLarge) {
      return malformed(id);
    }
  }

  private static Malformed malformed(String id) {
    String shown = id.length() > 40 ? id.substring(0, 40) + "..." : id;
    return new Malformed(
        "Last-Event-ID must be the non-negative integer id of an event, got '" + shown + "'");
  }
}

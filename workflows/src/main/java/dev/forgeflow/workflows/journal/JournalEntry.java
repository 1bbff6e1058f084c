package dev.forgeflow.workflows.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as a writer hands it to the run's journal. The fact key says what the event describes,
 * so the journal keeps it once however often a retried or re-executed writer appends it:
 *
 * <ul>
 *   <li>workflow facts: {@code workflow/<temporal run id>/<n>}, counted by workflow code, so a
 *       re-executed local activity carries the same key;
 *   <li>the run's end: {@value Fact.RunEnding#FACT_KEY};
 *   <li>activity facts: {@code <activityId>/<type>[/<subject>]}, plus {@code /attempt-<n>} for
 *       facts each attempt states anew ({@link Fact.ActivityFact#perAttempt()});
 *   <li>outside an activity: none (null): every append is a new event.
 * </ul>
 *
 * @param payloadJson the fact's payload; activity and workflow events also carry {@code attempt}
 * @param factKey null for an event that is not idempotent
 */
public record JournalEntry(String type, String payloadJson, int attempt, String factKey) {
  /** Subjects longer than this are keyed by their digest: keys stay small enough to index. */
  static final int MAX_SUBJECT_CHARS = 200;

  /** A fact stated outside any workflow or activity: attempt 1, no key. */
  public static JournalEntry unkeyed(Fact fact) {
    return new JournalEntry(fact.eventType(), Facts.json(fact), 1, null);
  }

  /** A fact the activity running on this thread states. */
  public static JournalEntry ofActivity(Fact.ActivityFact fact) {
    return ofActivity(fact, ActivityAttempt.current(), "");
  }

  /**
   * A fact stated by {@code origin}.
   *
   * @param identity what tells this fact from others of its type and subject in the same activity
   *     (such as the request of a model call), or empty; it enters the key as a digest
   */
  public static JournalEntry ofActivity(
      Fact.ActivityFact fact, ActivityAttempt origin, String identity) {
    return new JournalEntry(
        fact.eventType(),
        stamped(Facts.payload(fact), origin.attempt()),
        origin.attempt(),
        origin.activityId() == null ? null : activityKey(fact, origin, identity));
  }

  /** An event workflow code asked the journal local activity to record, in {@code attempt}. */
  public static JournalEntry ofWorkflow(RunEvent event, int attempt) {
    return new JournalEntry(
        event.type(), stamped(event.payload(), attempt), attempt, event.factKey());
  }

  /** The run's end event, journalled by the journal local activity in {@code attempt}. */
  public static JournalEntry ofRunEnd(RunEnd end, int attempt) {
    return new JournalEntry(
        end.eventType(), stamped(end.summary(), attempt), attempt, Fact.RunEnding.FACT_KEY);
  }

  static String activityKey(Fact.ActivityFact fact, ActivityAttempt origin, String identity) {
    StringBuilder key = new StringBuilder(origin.activityId()).append('/').append(fact.eventType());
    String subject = fact.subject();
    if (!subject.isEmpty()) {
      key.append('/').append(subject.length() <= MAX_SUBJECT_CHARS ? subject : digest(subject));
    }
    if (!identity.isEmpty()) {
      key.append('/').append(digest(identity));
    }
    if (fact.perAttempt()) {
      key.append("/attempt-").append(origin.attempt());
    }
    return key.toString();
  }

  private static String stamped(Map<String, Object> payload, int attempt) {
    Map<String, Object> stamped = new LinkedHashMap<>(payload);
    stamped.put("attempt", attempt);
    return Facts.json(stamped);
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

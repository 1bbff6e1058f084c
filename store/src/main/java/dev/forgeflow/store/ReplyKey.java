package dev.forgeflow.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Names one model call of an activity: the activity's workflow and id, which stay the same across
 * the activity's retries, and the call's place among the calls one execution of it makes.
 *
 * @param ordinal 1 for the execution's first call, 2 for the next (such as a repair re-ask), ...
 */
public record ReplyKey(String workflowId, String activityId, int ordinal) {
  public ReplyKey {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(activityId, "activityId");
    if (ordinal < 1) {
      throw new IllegalArgumentException("a call's ordinal starts at 1, not " + ordinal);
    }
  }

  /**
   * The key of the usage row ({@link LlmCallLog#recordOnce}) of this call as bought in {@code
   * attempt}: a reply reused by a later attempt keeps the key of the attempt that bought it.
   */
  public String callKey(int attempt) {
    return encode(workflowId) + "/" + encode(activityId) + "/" + ordinal + "/" + attempt;
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}

package dev.forgeflow.orchestrator.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code v1=} and the lower-case hex HMAC-SHA256, keyed with the
 * webhook's whole secret ({@code whsec_…}, UTF-8), of the timestamp, a dot and the body.
 */
public final class WebhookSignature {

  /** The header that carries the delivery's id, the same for each of its attempts. */
  public static final String ID_HEADER = "Forgeflow-Webhook-Id";

  /** The header that carries when the attempt was made, in Unix seconds. */
  public static final String TIMESTAMP_HEADER = "Forgeflow-Webhook-Timestamp";

  /** The header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Forgeflow-Signature";

  private WebhookSignature() {}

  /** {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(UTF_8));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }
}

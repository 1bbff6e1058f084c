package dev.forgeflow.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON as PostgreSQL's {@code jsonb} can store it: every string and key passes through {@link
 * StorableText} (escapes such as {@code \u0000} included), and, where a size limit applies, long
 * strings are cut with a marker saying how much was cut. Every writer of JSON uses this.
 */
final class StorableJson {

  /** A journal row's payload stays within this many bytes of UTF-8. */
  static final int JOURNAL_PAYLOAD_BYTES = 64 * 1024;

  private static final int SHORTEST_CUT = 256;
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

  private StorableJson() {}

  /**
   * The sanitised JSON.
   *
   * @param what names the content in the failure, e.g. {@code the charter artifact of run 42}
   * @throws UnstorableContentException if {@code json} is not JSON
   */
  static String of(String json, String what) {
    return json == null ? null : copy(json, Integer.MAX_VALUE, what);
  }

  /**
   * The sanitised JSON in at most {@code maxBytes} of UTF-8: if it is longer, its strings are cut,
   * the longest first, each keeping its start and ending in a marker.
   *
   * @throws UnstorableContentException if {@code json} is not JSON, or is still too long with every
   *     string cut to {@value #SHORTEST_CUT} characters
   */
  static String bounded(String json, int maxBytes, String what) {
    String whole = copy(json, Integer.MAX_VALUE, what);
    for (int cut = maxBytes / 4; !fits(whole, maxBytes); cut /= 2) {
      if (cut < SHORTEST_CUT) {
        throw new UnstorableContentException(
            what + " is over " + maxBytes + " bytes of JSON even with every text cut short");
      }
      whole = copy(json, cut, what);
    }
    return whole;
  }

  private static boolean fits(String json, int maxBytes) {
    return json.length() <= maxBytes / 3 || json.getBytes(UTF_8).length <= maxBytes;
  }

  private static String copy(String json, int longestString, String what) {
    StringWriter out = new StringWriter(json.length());
    try (JsonParser parser = FACTORY.createParser(json);
        JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (parser.nextToken() == null) {
        throw new UnstorableContentException(what + " is empty, not JSON");
      }
      for (JsonToken token = parser.currentToken(); token != null; token = parser.nextToken()) {
        copyToken(parser, generator, token, longestString);
      }
    } catch (JsonProcessingException e) {
      throw new UnstorableContentException(
          what + " is not valid JSON: " + StorableText.of(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + what, e);
    }
    return out.toString();
  }

  private static void copyToken(
      JsonParser parser, JsonGenerator generator, JsonToken token, int longestString)
      throws IOException {
    switch (token) {
      case FIELD_NAME -> generator.writeFieldName(StorableText.of(parser.currentName()));
      case VALUE_STRING ->
          generator.writeString(cut(StorableText.of(parser.getText()), longestString));
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
      default -> generator.copyCurrentEvent(parser);
    }
  }

  private static String cut(String text, int longest) {
    if (text.length() <= longest) {
      return text;
    }
    int end = Character.isLowSurrogate(text.charAt(longest)) ? longest - 1 : longest;
    return text.substring(0, end)
        + "\u2026 [cut by Forgeflow: "
        + (text.length() - end)
        + " more characters]";
  }
}

package dev.forgeflow.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorableJsonTest {

  @Test
  void cleanJsonKeepsItsContentAndItsNumbersExactly() {
    String json = "{\"a\":[1,2.50,12345678901234567890123,true,null],\"b\":\"\u00e9\ud83d\ude00\"}";

    assertThat(StorableJson.of(json, "it")).isEqualTo(json);
  }

  @Test
  void escapedAndRawNulAndLoneSurrogatesBecomeReplacementCharacters() {
    assertThat(StorableJson.of("[\"\\u0000\", \"\\ud800x\", \"\\udc00\", \"\ud800\"]", "it"))
        .isEqualTo("[\"\ufffd\",\"\ufffdx\",\"\ufffd\",\"\ufffd\"]");
  }

  @Test
  void plainTextLosesOnlyWhatPostgresCannotHold() {
    assertThat(StorableText.of("a\u0000b\udc00\ud83d\ude00\ud800"))
        .isEqualTo("a\ufffdb\ufffd\ud83d\ude00\ufffd");
    String clean = "nothing to do";
    assertThat(StorableText.of(clean)).isSameAs(clean);
  }

  @Test
  void aBoundedPayloadCutsLongTextsWithoutSplittingASurrogatePair() {
    String emoji = "\ud83d\ude00".repeat(40_000);

    String bounded = StorableJson.bounded("{\"s\":\"" + emoji + "\"}", 64 * 1024, "it");

    assertThat(bounded.getBytes(UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(StorableText.isStorable(bounded)).isTrue();
    assertThat(bounded).contains("more characters]");
  }

  @Test
  void aPayloadTooLargeEvenWhenCutFailsNamingIt() {
    String many = "[" + "1,".repeat(40_000) + "1]";

    assertThatThrownBy(() -> StorableJson.bounded(many, 64 * 1024, "the payload of event 'x'"))
        .isInstanceOf(UnstorableContentException.class)
        .hasMessageContaining("the payload of event 'x'");
  }

  @Test
  void anEmptyDocumentIsNotJson() {
    assertThatThrownBy(() -> StorableJson.of("  ", "the result"))
        .isInstanceOf(UnstorableContentException.class)
        .hasMessageContaining("the result");
  }
}

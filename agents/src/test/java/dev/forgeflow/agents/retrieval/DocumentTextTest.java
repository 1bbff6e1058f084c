package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.agents.retrieval.DocumentRefused.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTextTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void markdownAndPlainTextAreOnePageOfStrictUtf8() {
    DocumentText.Read md = DocumentText.read("spec.md", utf8("\uFEFF# Shop\r\n\r\n- books: title"));
    assertThat(md.mediaType()).isEqualTo("text/markdown");
    assertThat(md.pages()).containsExactly("# Shop\n\n- books: title");

    DocumentText.Read txt = DocumentText.read("NOTES.TXT", utf8("caf\u00e9 menu"));
    assertThat(txt.mediaType()).isEqualTo("text/plain");
    assertThat(txt.pages()).containsExactly("caf\u00e9 menu");
  }

  @Test
  void aPdfIsReadPageByPage() {
    byte[] pdf =
        Pdfs.pages(
            List.of(
                List.of("Resources", "books: title, price: float"),
                List.of("reviews: rating: int")));

    DocumentText.Read read = DocumentText.read("spec.pdf", pdf);

    assertThat(read.mediaType()).isEqualTo("application/pdf");
    assertThat(read.pages()).hasSize(2);
    assertThat(read.pages().get(0)).contains("books: title, price: float");
    assertThat(read.pages().get(1)).contains("reviews: rating: int");
  }

  @Test
  void anEncryptedPdfIsRefusedWithWhatToDo() {
    byte[] locked = Pdfs.pages(List.of(List.of("secret spec")), "hunter2");
    assertThatThrownBy(() -> DocumentText.read("locked.pdf", locked))
        .isInstanceOfSatisfying(
            DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED_PDF))
        .hasMessage(
            "locked.pdf is an encrypted PDF: save it without a password and attach it again");
  }

  @Test
  void aPdfWithNoTextIsRefused() {
    byte[] blank = Pdfs.pages(List.of(List.of()));
    assertThatThrownBy(() -> DocumentText.read("scan.pdf", blank))
        .isInstanceOfSatisfying(
            DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_TEXT))
        .hasMessageContaining("scan.pdf holds no text");
  }

  @ParameterizedTest
  @CsvSource({
    "fake.pdf, not a pdf at all, UNREADABLE_PDF, fake.pdf is not a PDF",
    "broken.pdf, %PDF-1.7 garbage, UNREADABLE_PDF, broken.pdf is not a readable PDF",
    "empty.md, '', EMPTY, empty.md is empty",
    "blank.txt, '   ', NO_TEXT, blank.txt holds no text",
    "photo.png, PNG, UNSUPPORTED_TYPE, attach .txt, .md or .pdf files",
    "noext, hello, UNSUPPORTED_TYPE, noext is not a document",
  })
  void badUploadsAreRefusedSayingWhy(String name, String content, Reason reason, String message) {
    assertThatThrownBy(() -> DocumentText.read(name, utf8(content)))
        .isInstanceOfSatisfying(
            DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }

  @Test
  void binaryPretendingToBeTextIsRefused() {
    byte[] invalidUtf8 = {(byte) 0xff, (byte) 0xfe, 'a', 'b', (byte) 0xc3};
    assertThatThrownBy(() -> DocumentText.read("spec.md", invalidUtf8))
        .isInstanceOfSatisfying(
            DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_TEXT))
        .hasMessage("spec.md cannot be read as text: it is not UTF-8 text");
    byte[] withNul = utf8("title\0\0\0body");
    assertThatThrownBy(() -> DocumentText.read("spec.txt", withNul))
        .isInstanceOfSatisfying(
            DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_TEXT))
        .hasMessage("spec.txt cannot be read as text: it holds binary data");
  }

  @Test
  void tooLargeIsRefusedBeforeReading() {
    byte[] big = new byte[DocumentText.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> DocumentText.read("big.txt", big))
        .isInstanceOfSatisfying(
            DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessageContaining("at most 5242880 bytes (5 MiB)");
  }

  @Test
  void hostileFileNamesLoseTheirPathAndControlCharacters() {
    assertThat(DocumentText.cleanName("../../etc/passwd.md")).isEqualTo("passwd.md");
    assertThat(DocumentText.cleanName("C:\\Users\\x\\spec.pdf")).isEqualTo("spec.pdf");
    assertThat(DocumentText.cleanName("a\u0000b\nc.txt")).isEqualTo("abc.txt");
    assertThat(DocumentText.cleanName("..")).isEqualTo("document");
    assertThat(DocumentText.cleanName(null)).isEqualTo("document");
    assertThat(DocumentText.cleanName("x".repeat(300) + ".md"))
        .hasSize(DocumentText.MAX_NAME)
        .endsWith(".md");
  }
}

package dev.forgeflow.agents.retrieval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads an uploaded document into the text of its pages: plain text and markdown as strict UTF-8
 * (one page), PDF through PDFBox (one entry per page). Everything else, and everything that is not
 * what it claims, is refused with a {@link DocumentRefused} that says why.
 */
public final class DocumentText {

  /** The largest upload taken: 5 MiB. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The most text one document may hold once read: a million characters. */
  public static final int MAX_CHARS = 1_000_000;

  /** The longest file name kept. */
  public static final int MAX_NAME = 200;

  /** What was read: the document's media type and the text of each page. */
  public record Read(String name, String mediaType, List<String> pages) {
    public int chars() {
      return pages.stream().mapToInt(String::length).sum();
    }
  }

  private DocumentText() {}

  /**
   * Reads an upload by its file name's extension ({@code .txt}, {@code .md}, {@code .markdown},
   * {@code .pdf}).
   *
   * @throws DocumentRefused if it is empty, too large, of another type, not what its name says, an
   *     encrypted or unreadable PDF, or holds no text
   */
  public static Read read(String fileName, byte[] content) {
    String name = cleanName(fileName);
    if (content.length > MAX_BYTES) {
      throw new DocumentRefused(
          DocumentRefused.Reason.TOO_LARGE,
          name
              + " is "
              + content.length
              + " bytes; a document may be at most "
              + MAX_BYTES
              + " bytes (5 MiB)");
    }
    String extension = extension(name);
    Read read =
        switch (extension) {
          case "txt" -> new Read(name, "text/plain", List.of(text(name, content)));
          case "md", "markdown" -> new Read(name, "text/markdown", List.of(text(name, content)));
          case "pdf" -> new Read(name, "application/pdf", pdf(name, content));
          default ->
              throw new DocumentRefused(
                  DocumentRefused.Reason.UNSUPPORTED_TYPE,
                  name + " is not a document this takes: attach .txt, .md or .pdf files");
        };
    if (read.pages().stream().allMatch(String::isBlank)) {
      throw new DocumentRefused(
          content.length == 0 ? DocumentRefused.Reason.EMPTY : DocumentRefused.Reason.NO_TEXT,
          content.length == 0
              ? name + " is empty"
              : name
                  + " holds no text"
                  + (extension.equals("pdf") ? " (a scanned PDF has images, not text)" : ""));
    }
    if (read.chars() > MAX_CHARS) {
      throw new DocumentRefused(
          DocumentRefused.Reason.TOO_LARGE,
          name
              + " holds "
              + read.chars()
              + " characters of text; at most "
              + MAX_CHARS
              + " are taken");
    }
    return read;
  }

  /** The SHA-256 of an upload, in hex. */
  public static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file name without any path, control characters or excess length; never empty. */
  public static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.isDefined(c))
        .filter(c -> Character.getType(c) != Character.SURROGATE)
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    if (result.length() > MAX_NAME) {
      result = result.substring(result.length() - MAX_NAME);
    }
    return result.isEmpty() || result.equals(".") || result.equals("..") ? "document" : result;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Strict UTF-8 (a byte-order mark allowed), no NUL, few control characters. */
  private static String text(String name, byte[] content) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      throw notText(name, "it is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    long control =
        text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
    if (text.indexOf('\0') >= 0 || control > Math.max(8, text.length() / 100)) {
      throw notText(name, "it holds binary data");
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static DocumentRefused notText(String name, String why) {
    return new DocumentRefused(
        DocumentRefused.Reason.NOT_TEXT, name + " cannot be read as text: " + why);
  }

  private static List<String> pdf(String name, byte[] content) {
    if (content.length == 0) {
      return List.of("");
    }
    if (!startsWith(content, "%PDF-")) {
      throw new DocumentRefused(
          DocumentRefused.Reason.UNREADABLE_PDF, name + " is not a PDF: it lacks the %PDF- header");
    }
    try (PDDocument document = Loader.loadPDF(content)) {
      if (document.isEncrypted()) {
        throw encrypted(name);
      }
      PDFTextStripper stripper = new PDFTextStripper();
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(printable(stripper.getText(document)));
        if (pages.stream().mapToInt(String::length).sum() > MAX_CHARS) {
          break;
        }
      }
      return pages;
    } catch (InvalidPasswordException e) {
      throw encrypted(name);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DocumentRefused refused) {
        throw refused;
      }
      throw new DocumentRefused(
          DocumentRefused.Reason.UNREADABLE_PDF,
          name + " is not a readable PDF: " + e.getMessage());
    }
  }

  private static DocumentRefused encrypted(String name) {
    return new DocumentRefused(
        DocumentRefused.Reason.ENCRYPTED_PDF,
        name + " is an encrypted PDF: save it without a password and attach it again");
  }

  /** Text without NUL and other control characters but line breaks and tabs. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.replace("\r\n", "\n")
        .codePoints()
        .filter(c -> c >= 0x20 || c == '\n' || c == '\t')
        .filter(c -> Character.getType(c) != Character.SURROGATE)
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  private static boolean startsWith(byte[] content, String prefix) {
    byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
    if (content.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (content[i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}

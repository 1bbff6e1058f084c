package dev.forgeflow.agents.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base this project writes, kept as markdown resources under {@code
 * dev/forgeflow/agents/knowledge/}: patterns for the sandbox's FastAPI, SQLModel and pytest, the
 * security checklist, and the guide to writing a charter. Each {@code ## } section is a passage (a
 * long one is cut further), with its kind ({@code pattern}, {@code testing}, {@code security} or
 * {@code requirements}), file and title; a file with no sections is one passage. Its {@link
 * #hash()} changes with any word of it.
 */
public final class KnowledgeBase {

  /** The knowledge files and the kind of each one's passages. */
  static final Map<String, String> FILES = files();

  private final List<Chunk> chunks;
  private final String hash;

  private KnowledgeBase(List<Chunk> chunks, String hash) {
    this.chunks = List.copyOf(chunks);
    this.hash = hash;
  }

  /** The knowledge base on the class path. */
  public static KnowledgeBase bundled() {
    Map<String, String> texts = new LinkedHashMap<>();
    FILES.keySet().forEach(name -> texts.put(name, read(name)));
    return of(texts);
  }

  /** A knowledge base of these markdown texts (by file name; kinds by {@link #FILES}). */
  static KnowledgeBase of(Map<String, String> texts) {
    List<Chunk> chunks = new ArrayList<>();
    MessageDigest digest = sha256();
    TextChunker chunker = TextChunker.standard();
    texts.forEach(
        (file, text) -> {
          digest.update((file + "\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
          String kind = FILES.getOrDefault(file, "pattern");
          String title = title(text, file);
          for (Section section : sections(text, title)) {
            List<TextChunker.Piece> pieces = chunker.split(section.body());
            for (int i = 0; i < pieces.size(); i++) {
              String id = file + "#" + section.title() + (i == 0 ? "" : "#" + i);
              chunks.add(
                  new Chunk(
                      id,
                      section.title() + "\n\n" + pieces.get(i).text(),
                      Map.of(
                          "kind",
                          kind,
                          "file",
                          file,
                          "section",
                          section.heading(),
                          "label",
                          section.title())));
            }
          }
        });
    return new KnowledgeBase(chunks, HexFormat.of().formatHex(digest.digest()).substring(0, 12));
  }

  /** Every passage, in file and section order. */
  public List<Chunk> chunks() {
    return chunks;
  }

  /** A short digest of every file's name and text. */
  public String hash() {
    return hash;
  }

  private record Section(String heading, String title, String body) {}

  /**
   * The {@code ## } sections of a text; its whole body, under the file's title, if it has none.
   * {@code heading} is the section's heading ({@code *} for a whole body); {@code title} names it
   * with the file's title for readers.
   */
  private static List<Section> sections(String text, String fileTitle) {
    List<Section> sections = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n");
    String heading = null;
    StringBuilder body = new StringBuilder();
    StringBuilder preamble = new StringBuilder();
    boolean fenced = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      if (!fenced && line.startsWith("## ")) {
        if (heading != null) {
          sections.add(section(fileTitle, heading, body));
        }
        heading = line.substring(3).strip();
        body.setLength(0);
      } else if (!fenced && line.startsWith("# ") && heading == null) {
        continue;
      } else if (heading == null) {
        preamble.append(line).append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    if (heading != null) {
      sections.add(section(fileTitle, heading, body));
    } else if (!preamble.toString().isBlank()) {
      sections.add(new Section("*", fileTitle, preamble.toString().strip()));
    }
    return sections.stream().filter(s -> !s.body().isBlank()).toList();
  }

  private static Section section(String fileTitle, String heading, StringBuilder body) {
    return new Section(heading, fileTitle + " — " + heading, body.toString().strip());
  }

  private static String title(String text, String file) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# ")) {
        return line.substring(2).strip();
      }
    }
    return file;
  }

  private static String read(String name) {
    String path = "/dev/forgeflow/agents/knowledge/" + name;
    try (InputStream in = KnowledgeBase.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing knowledge resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("service-hardening.md", "security");
    files.put("security-checklist.md", "security");
    files.put("fastapi-patterns.md", "pattern");
    files.put("sqlmodel-patterns.md", "pattern");
    files.put("pytest-patterns.md", "testing");
    files.put("charter-guide.md", "requirements");
    return files;
  }
}

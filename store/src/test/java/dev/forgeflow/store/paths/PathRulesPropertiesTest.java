package dev.forgeflow.store.paths;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Thousands of generated paths: whatever is accepted is relative, canonical and confined. */
class PathRulesPropertiesTest {

  private static final Path ROOT = temporaryRoot();

  @Property(tries = 5000)
  void everyAcceptedPathIsRelativeNormalisedLimitedAndConfined(@ForAll("hostilePaths") String raw) {
    PathCheck check = PathRules.check(raw);
    if (!check.ok()) {
      assertThat(check.rejection()).isNotBlank();
      return;
    }
    String path = check.normalized();
    assertThat(path).doesNotStartWith("/").doesNotContain("\\").doesNotContain("//");
    assertThat(path).doesNotMatch("^[A-Za-z]:.*");
    assertThat(Normalizer.isNormalized(path, Normalizer.Form.NFC)).isTrue();
    assertThat(path.codePoints().noneMatch(PathRules::isHidden)).isTrue();
    assertThat(path.getBytes(UTF_8).length).isLessThanOrEqualTo(PathRules.MAX_PATH_BYTES);
    List<String> segments = List.of(path.split("/", -1));
    assertThat(segments).hasSizeLessThanOrEqualTo(PathRules.MAX_DEPTH);
    for (String segment : segments) {
      assertThat(segment).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
      assertThat(segment.getBytes(UTF_8).length).isLessThanOrEqualTo(PathRules.MAX_SEGMENT_BYTES);
    }
    Path resolved = ROOT.resolve(path).normalize();
    assertThat(resolved.startsWith(ROOT) && !resolved.equals(ROOT))
        .as(resolved.toString())
        .isTrue();
    assertThat(PathRules.check(path).normalized()).isEqualTo(path);
  }

  @Property(tries = 2000)
  void safePathsAreAcceptedUnchanged(@ForAll("safePaths") String path) {
    assertThat(PathRules.check(path).normalized()).isEqualTo(path);
  }

  private static Path temporaryRoot() {
    try {
      Path root = Files.createTempDirectory("path-rules").toRealPath();
      root.toFile().deleteOnExit();
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> safePaths() {
    Arbitrary<String> segment =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('0', '9')
                    .withChars('_', '-', '\u00e9', '\u00fc', '\u4e66')
                    .ofMaxLength(30))
            .as((first, rest) -> "s" + first + rest);
    Arbitrary<String> extension = Arbitraries.of("", ".py", ".md", ".txt", ".cfg");
    return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(8), extension)
        .as((segments, ext) -> String.join("/", segments) + ext);
  }

  @Provide
  Arbitrary<String> hostilePaths() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "..",
                ".",
                "",
                "...",
                "app",
                "models.py",
                ".git",
                "CON",
                "nul.txt",
                " app",
                "app.",
                "~",
                "C:",
                "c:",
                "\\\\server",
                "\u0000",
                "\n",
                "\u001b",
                "\u007f",
                "\u0085",
                "\u202e",
                "\u200b",
                "\ufeff",
                "\ud800",
                "\udc00",
                "\ud83d\ude00",
                "cafe\u0301",
                "caf\u00e9",
                "\uff0e\uff0e",
                "\uff0f",
                "\u2215",
                "\u2024\u2024",
                "x".repeat(255),
                "x".repeat(256),
                "\u00e9".repeat(128),
                "e\u0301".repeat(90),
                "a:b",
                "*",
                "?",
                "<",
                ">",
                "|",
                "\""),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(300));
    Arbitrary<String> separator = Arbitraries.of("/", "\\", "//", "/./", "/../");
    Arbitrary<String> prefix = Arbitraries.of("", "", "", "/", "\\", "C:\\", "c:/", "//", "./");
    return Combinators.combine(
            prefix, piece.list().ofMinSize(1).ofMaxSize(20), separator.list().ofSize(20))
        .as(
            (start, pieces, separators) -> {
              StringBuilder path = new StringBuilder(start);
              for (int i = 0; i < pieces.size(); i++) {
                path.append(i == 0 ? "" : separators.get(i)).append(pieces.get(i));
              }
              return path.toString();
            });
  }
}

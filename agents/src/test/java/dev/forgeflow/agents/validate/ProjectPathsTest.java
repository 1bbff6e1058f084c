package dev.forgeflow.agents.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectPathsTest {

  @ParameterizedTest
  @CsvSource({
    "app/main.py, app/main.py",
    "./app//routers\\books.py, app/routers/books.py",
    "app\\models.py, app/models.py",
    "app/./models.py, app/models.py",
    "app/../x.py, x.py",
    "app/routers/../models.py, app/models.py",
    "tests/test_books.py/, tests/test_books.py",
    "README.md, README.md",
    ".gitignore, .gitignore",
    "a/b/c/d/e/f/g/h/i/j/k/l.py, a/b/c/d/e/f/g/h/i/j/k/l.py"
  })
  void safePathsAreNormalised(String raw, String normalized) {
    PathVerdict verdict = ProjectPaths.check(raw);

    assertThat(verdict.ok()).isTrue();
    assertThat(verdict.normalized()).isEqualTo(normalized);
    assertThat(verdict.rejection()).isNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void emptyPathsAreRejected(String raw) {
    assertThat(ProjectPaths.check(raw).rejection()).isEqualTo("path is empty");
  }

  static Stream<Arguments> hostilePaths() {
    return Stream.of(
        arguments("/etc/passwd", "absolute"),
        arguments("/app/main.py", "absolute"),
        arguments("C:\\Windows\\system32\\x.dll", "absolute"),
        arguments("c:/x.py", "absolute"),
        arguments("c:x.py", "absolute"),
        arguments("\\\\server\\share\\x.py", "absolute"),
        arguments("//server/share/x.py", "absolute"),
        arguments("../x.py", "escapes the project root"),
        arguments("app/../../x.py", "escapes the project root"),
        arguments("..\\..\\x.py", "escapes the project root"),
        arguments("./../x.py", "escapes the project root"),
        arguments("app/../..", "escapes the project root"),
        arguments("tests/../../../etc/passwd", "escapes the project root"),
        arguments(".", "names the project root"),
        arguments("./", "names the project root"),
        arguments("app/..", "names the project root"),
        arguments("~/x.py", "reserved character '~'"),
        arguments("~root/.ssh/authorized_keys", "reserved character '~'"),
        arguments("app/~x.py", "reserved character '~'"),
        arguments(".git/config", ".git directory"),
        arguments(".git/hooks/pre-commit", ".git directory"),
        arguments("./.git/HEAD", ".git directory"),
        arguments("app/.GIT/config", ".git directory"),
        arguments(".git", ".git directory"),
        arguments("app/...", "only of dots"),
        arguments("app/ main.py", "leading or trailing spaces"),
        arguments("app/main.", "trailing dot"),
        arguments("app/CON", "reserved device"),
        arguments("app/nul.txt", "reserved device"),
        arguments("com1.py", "reserved device"),
        arguments("app/x.py:stream", "reserved character ':'"),
        arguments("app/*.py", "reserved character '*'"),
        arguments("app/x?.py", "reserved character '?'"),
        arguments("app/<x>.py", "reserved character '<'"),
        arguments("app/x|y.py", "reserved character '|'"),
        arguments("a/b/c/d/e/f/g/h/i/j/k/l/m.py", "deeper than 12 levels"));
  }

  @ParameterizedTest
  @MethodSource("hostilePaths")
  void hostilePathsAreRejected(String raw, String reason) {
    PathVerdict verdict = ProjectPaths.check(raw);

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.normalized()).isNull();
    assertThat(verdict.rejection()).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app/\u0000evil.py",
        "app\nmain.py",
        "app/\u001bx.py",
        "app/\u202egnp.py",
        "\u200bapp/x.py",
        "a\u007fb.py"
      })
  void controlAndInvisibleCharactersAreRejected(String raw) {
    assertThat(ProjectPaths.check(raw).rejection())
        .isEqualTo("path contains a control or invisible formatting character");
  }

  @Test
  void segmentsOver255BytesOfUtf8AreRejected() {
    assertThat(ProjectPaths.check("app/" + "x".repeat(252) + ".py").ok()).isTrue();
    assertThat(ProjectPaths.check("app/" + "\u00e9".repeat(127) + ".py").rejection())
        .isEqualTo("path has a segment longer than 255 bytes");
  }

  @Test
  void pathsOver4096BytesAreRejected() {
    String segment = "d".repeat(250) + "/";
    assertThat(ProjectPaths.check(segment.repeat(11) + "x.py").ok()).isTrue();
    assertThat(ProjectPaths.check("a/".repeat(2047) + "xyz").rejection())
        .isEqualTo("path is longer than 4096 bytes");
  }

  @Test
  void pathsArePutInNfc() {
    assertThat(ProjectPaths.check("app/cafe\u0301.py").normalized()).isEqualTo("app/caf\u00e9.py");
  }

  @Test
  void loneSurrogatesAreRejected() {
    assertThat(ProjectPaths.check("app/\ud800.py").ok()).isFalse();
  }

  @Test
  void resolveInsideReturnsTheNormalisedPathUnderTheRoot(@TempDir Path root) {
    assertThat(ProjectPaths.resolveInside(root, "./app\\routers//books.py"))
        .isEqualTo(root.toAbsolutePath().resolve("app/routers/books.py"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../outside.py", "/etc/passwd", ".git/config", "app/../../x"})
  void resolveInsideRefusesHostilePaths(String raw, @TempDir Path root) {
    assertThatThrownBy(() -> ProjectPaths.resolveInside(root, raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("refusing project path '" + raw + "'");
  }

  @Test
  void resolveInsideRefusesALinkThatLeavesTheRoot(@TempDir Path temp) throws IOException {
    Path root = Files.createDirectory(temp.resolve("project"));
    Path outside = Files.createDirectory(temp.resolve("outside"));
    Files.createSymbolicLink(root.resolve("app"), outside);

    assertThatThrownBy(() -> ProjectPaths.resolveInside(root, "app/main.py"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resolves outside");
  }

  @Test
  void resolveInsideRefusesADanglingLink(@TempDir Path root) throws IOException {
    Files.createSymbolicLink(root.resolve("app.py"), root.resolve("../../nowhere/app.py"));

    assertThatThrownBy(() -> ProjectPaths.resolveInside(root, "app.py"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot resolve");
  }

  @Test
  void resolveInsideAcceptsALinkThatStaysInsideTheRoot(@TempDir Path root) throws IOException {
    Files.createDirectory(root.resolve("app"));
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("app"));

    assertThat(ProjectPaths.resolveInside(root, "alias/main.py"))
        .isEqualTo(root.toAbsolutePath().resolve("alias/main.py"));
  }

  @Test
  void printableHidesControlCharacters() {
    assertThat(ProjectPaths.printable("app/\u0000x\n.py")).isEqualTo("app/?x?.py");
  }
}

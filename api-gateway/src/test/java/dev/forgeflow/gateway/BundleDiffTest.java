package dev.forgeflow.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BundleDiffTest {

  private final Map<String, byte[]> contents = new HashMap<>();

  /** A bundle of path, content pairs, its contents named by fake hashes. */
  private SortedMap<String, String> bundle(Object... pathsAndContents) {
    SortedMap<String, String> files = new TreeMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      Object content = pathsAndContents[i + 1];
      byte[] bytes = content instanceof String text ? text.getBytes(UTF_8) : (byte[]) content;
      String name = "sha-" + contents.size();
      contents.put(name, bytes);
      files.put((String) pathsAndContents[i], name);
    }
    return files;
  }

  private String diff(SortedMap<String, String> before, SortedMap<String, String> after) {
    return BundleDiff.between(before, after, contents::get);
  }

  @Test
  void aChangedLineIsShownWithThreeLinesOfContextAndAddedAndRemovedFilesAgainstDevNull() {
    String main = "import os\n\ndef main():\n    print('%s')\n\nmain()\n";
    SortedMap<String, String> v1 =
        bundle(
            "README.md",
            "# Shop\n",
            "app/main.py",
            main.formatted("hello"),
            "app/old.py",
            "x = 1\n");
    SortedMap<String, String> v2 = new TreeMap<>(v1);
    v2.remove("app/old.py");
    v2.putAll(
        bundle("app/main.py", main.formatted("hello, world"), "app/new.py", "y = 2\nz = 3\n"));

    assertThat(diff(v1, v2))
        .isEqualTo(
            """
            --- a/app/main.py
            +++ b/app/main.py
            @@ -1,6 +1,6 @@
             import os
            \s
             def main():
            -    print('hello')
            +    print('hello, world')
            \s
             main()
            --- /dev/null
            +++ b/app/new.py
            @@ -0,0 +1,2 @@
            +y = 2
            +z = 3
            --- a/app/old.py
            +++ /dev/null
            @@ -1,1 +0,0 @@
            -x = 1
            """);
  }

  @Test
  void hunksFarApartAreSeparate() {
    String lines = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    SortedMap<String, String> v1 = bundle("n.txt", lines);
    SortedMap<String, String> v2 =
        bundle("n.txt", lines.replace("\n2\n", "\ntwo\n").replace("11", "XI"));

    assertThat(diff(v1, v2))
        .isEqualTo(
            """
            --- a/n.txt
            +++ b/n.txt
            @@ -1,5 +1,5 @@
             1
            -2
            +two
             3
             4
             5
            @@ -8,5 +8,5 @@
             8
             9
             10
            -11
            +XI
             12
            """);
  }

  @Test
  void aLastLineWithoutANewlineIsMarked() {
    assertThat(diff(bundle("f", "a\nb"), bundle("f", "a\nc")))
        .isEqualTo(
            """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file
            """);
    assertThat(diff(bundle("f", "a"), bundle("f", "a\n")))
        .isEqualTo(
            """
            --- a/f
            +++ b/f
            @@ -1,1 +1,1 @@
            -a
            \\ No newline at end of file
            +a
            """);
  }

  @Test
  void contentThatIsNotUtf8TextIsABinaryFileThatDiffers() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1};
    byte[] other = {(byte) 0x89, 'P', 'N', 'G', 0, 2};

    assertThat(diff(bundle("logo.png", png), bundle("logo.png", other)))
        .isEqualTo("Binary files a/logo.png and b/logo.png differ\n");
    assertThat(diff(bundle(), bundle("nul.txt", "a\0b")))
        .isEqualTo("Binary files /dev/null and b/nul.txt differ\n");
  }

  @Test
  void theSameVersionTwiceIsAnEmptyDiffAndReadsNothing() {
    SortedMap<String, String> v1 = bundle("a.py", "a\n", "b.py", "b\n");
    contents.clear();

    assertThat(diff(v1, v1)).isEmpty();
    assertThat(BundleDiff.between(v1, new TreeMap<>(v1), name -> null)).isEmpty();
  }

  @Test
  void anEmptyFileAddedOrEmptiedHasAWholeFileHunk() {
    assertThat(diff(bundle("e", "x\n"), bundle("e", "")))
        .isEqualTo(
            """
            --- a/e
            +++ b/e
            @@ -1,1 +0,0 @@
            -x
            """);
  }

  @Test
  void anAddedEmptyFileIsItsHeadersAlone() {
    assertThat(diff(bundle(), bundle("app/__init__.py", "")))
        .isEqualTo("--- /dev/null\n+++ b/app/__init__.py\n");
  }

  @Test
  void onePathsDiffLeavesTheOthersOut() {
    SortedMap<String, String> v1 = bundle("a.py", "a\n", "b.py", "b\n");
    SortedMap<String, String> v2 = bundle("a.py", "A\n", "b.py", "B\n");

    assertThat(BundleDiff.between(v1, v2, "b.py", contents::get))
        .isEqualTo(
            """
            --- a/b.py
            +++ b/b.py
            @@ -1,1 +1,1 @@
            -b
            +B
            """);
  }
}

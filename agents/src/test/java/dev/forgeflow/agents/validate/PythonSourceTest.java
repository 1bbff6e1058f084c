package dev.forgeflow.agents.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonSourceTest {

  @Test
  void stringContentsAndCommentsAreBlankedKeepingColumns() {
    PythonSource source = PythonSource.parse("x = 'a(b' + \"c\\\"d\"  # note (\ny = rb'\\'' \n");

    assertThat(source.code()).containsExactly("x = '   ' + \"    \"          ", "y = rb'  ' ", "");
    assertThat(source.code().get(0)).hasSameSizeAs(source.lines().get(0));
    assertThat(source.unterminatedStringLine()).isZero();
  }

  @Test
  void tripleQuotedStringsSpanLines() {
    PythonSource source = PythonSource.parse("'''doc\nimport os\n''' + x\nz = 1\n");

    assertThat(source.code()).containsExactly("'''   ", "         ", "''' + x", "z = 1", "");
    assertThat(source.startsInString()).containsExactly(false, true, true, false, false);
  }

  @Test
  void logicalLinesJoinBracketsBackslashesAndStrings() {
    PythonSource source =
        PythonSource.parse("a = (1,\n     2)\nb = 1 + \\\n    2\n\n\"\"\"x\ny\"\"\"\nc = 3\n");

    List<LogicalLine> lines = source.logicalLines();

    assertThat(lines).extracting(LogicalLine::firstLine).containsExactly(1, 3, 6, 8);
    assertThat(lines.get(0).text()).isEqualTo("a = (1,\n     2)");
    assertThat(lines.get(0).lineAt(lines.get(0).code().indexOf('2'))).isEqualTo(2);
  }

  @Test
  void literalsAreReadFromTheSourceText() {
    LogicalLine line =
        PythonSource.parse("APIRouter(prefix=f'/v1', tags=[\"x\"])").logicalLines().get(0);

    assertThat(line.literalAt(line.code().indexOf("f'"))).isEqualTo("/v1");
    assertThat(line.literalAt(line.code().indexOf("tags"))).isNull();
  }

  @Test
  void windowsLineEndingsAreLinesToo() {
    assertThat(PythonSource.parse("a = 1\r\nb = 2\r\n").lines())
        .containsExactly("a = 1", "b = 2", "");
  }
}

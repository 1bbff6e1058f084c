package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void plainTextNewlinesAndTabsArePrintedAsTheyAre() {
    assertThat(TerminalText.clean("wrote app/main.py\n\tline 2 — ✓ ünïcode"))
        .isEqualTo("wrote app/main.py\n\tline 2 — ✓ ünïcode");
  }

  @Test
  void csiSequencesCannotColourMoveTheCursorOrClearTheScreen() {
    assertThat(TerminalText.clean("\u001B[31mred\u001B[0m \u001B[2J\u001B[1;1Hhome \u001B[?25l"))
        .isEqualTo("red home ");
  }

  @Test
  void oscSequencesCannotSetTheTitleOrPlantALink() {
    assertThat(TerminalText.clean("a\u001B]0;pwned\u0007b")).isEqualTo("ab");
    assertThat(
            TerminalText.clean(
                "\u001B]8;;http://evil.example/\u001B\\click\u001B]8;;\u001B\\ here"))
        .isEqualTo("click here");
  }

  @Test
  void anUnterminatedOscSwallowsTheRestInsteadOfReachingTheTerminal() {
    assertThat(TerminalText.clean("ok\u001B]52;c;ZXZpbA==")).isEqualTo("ok");
  }

  @Test
  void eightBitCsiAndOtherC1ControlsAreRemoved() {
    assertThat(TerminalText.clean("x\u009B31my\u0085z\u009D0;t\u009Cw")).isEqualTo("xyzw");
  }

  @Test
  void carriageReturnBackspaceBellAndOtherC0ControlsAreRemoved() {
    assertThat(TerminalText.clean("approved\rREJECTED\b\b\u0007\u0000\u007F!"))
        .isEqualTo("approvedREJECTED!");
  }

  @Test
  void otherEscapesAndALoneEscapeAreRemoved() {
    assertThat(TerminalText.clean("a\u001B7b\u001B(Bc\u001B")).isEqualTo("abc");
  }

  @Test
  void bidirectionalOverridesCannotReorderWhatIsShown() {
    assertThat(TerminalText.clean("file\u202Etxt.exe\u2066x\u2069")).isEqualTo("filetxt.exex");
  }

  @Test
  void nothingIsEmpty() {
    assertThat(TerminalText.clean(null)).isEmpty();
  }
}

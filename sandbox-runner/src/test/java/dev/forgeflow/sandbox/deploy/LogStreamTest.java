package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogStreamTest {

  private final List<String> lines = new ArrayList<>();
  private final LogStream stream = new LogStream(lines::add);

  @Test
  void linesSplitAcrossFramesComeOutWhole() {
    send("GET /no");
    send("tes 200\nsecond\nthi");
    stream.onComplete();

    assertThat(lines).containsExactly("GET /notes 200", "second", "thi");
  }

  @Test
  void anEndlessLineIsCutOnceAtTheBoundAndTheRestDropped() {
    String chunk = "x".repeat(1_000);
    for (int i = 0; i < 100; i++) {
      send(chunk);
    }
    send("tail of the long line\nnext\n");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .hasSize(LogStream.MAX_LINE_CHARS + LogStream.CUT.length())
        .endsWith(LogStream.CUT);
    assertThat(lines.get(1)).isEqualTo("next");
  }

  private void send(String text) {
    stream.onNext(new Frame(StreamType.STDOUT, text.getBytes(StandardCharsets.UTF_8)));
  }
}

package dev.forgeflow.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SseParserTest {

  /** What a parser reported, in order: "event 3 @ 100" or "comment text". */
  private final List<String> seen = new ArrayList<>();

  private final AtomicLong clock = new AtomicLong();

  private final SseParser parser =
      new SseParser(
          new SseParser.Listener() {
            @Override
            public void event(long id, long receivedNanos) {
              seen.add("event " + id + " @ " + receivedNanos);
            }

            @Override
            public void comment(String text) {
              seen.add("comment " + text);
            }
          },
          clock::get);

  private static final String STREAM =
      ":connected\n\n"
          + "id:1\nevent:stage.started\ndata:{\"round\": 1}\n\n"
          + ":heartbeat\n\n"
          + "id: 2\nevent:stage.started\ndata:{\"round\": 2}\n\n";

  @Test
  void anEventIsReportedWhenTheBlankLineEndingItIsRead() {
    feed("id:7\ndata:{}\n");
    clock.set(42);
    feed("\n");

    assertThat(seen).containsExactly("event 7 @ 42");
  }

  @Test
  void chunksSplitAnywhereGiveTheSameEventsAndComments() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= bytes.length; cut++) {
      seen.clear();
      parser.feed(Arrays.copyOfRange(bytes, 0, cut));
      parser.feed(Arrays.copyOfRange(bytes, cut, bytes.length));

      assertThat(seen)
          .as("cut at %d", cut)
          .containsExactly("comment connected", "event 1 @ 0", "comment heartbeat", "event 2 @ 0");
    }
  }

  @Test
  void crlfAndCrEndLinesToo() {
    feed(":connected\r\n\r\nid:3\r\ndata:{}\r\n\r\nid:4\rdata:{}\r\r");

    assertThat(seen).containsExactly("comment connected", "event 3 @ 0", "event 4 @ 0");
  }

  @Test
  void aBlockWithoutAnIdIsNoEventAndAnIdDoesNotCarryOver() {
    feed("data:{}\n\nid:5\n\ndata:{}\n\n");

    assertThat(seen).containsExactly("event 5 @ 0");
  }

  private void feed(String text) {
    parser.feed(text.getBytes(StandardCharsets.UTF_8));
  }
}

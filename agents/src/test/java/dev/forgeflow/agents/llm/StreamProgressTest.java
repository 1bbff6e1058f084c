package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.store.JournalEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamProgressTest {
  private final FakeRunJournal journal = new FakeRunJournal();
  private final AtomicLong nowMs = new AtomicLong();
  private final StreamProgress progress =
      new StreamProgress(journal, "run-7", "app/models.py", 1, () -> nowMs.get() * 1_000_000);

  @Test
  void reportsAtMostEvery250Milliseconds() {
    deltaAt(0, "abc");
    deltaAt(100, "de");
    deltaAt(249, "f");
    assertThat(journal.events(StreamProgress.EVENT_TYPE)).isEmpty();
    deltaAt(250, "gh");
    deltaAt(300, "i");
    deltaAt(499, "j");
    deltaAt(500, "k");

    assertThat(journal.events(StreamProgress.EVENT_TYPE))
        .extracting(JournalEvent::payloadJson)
        .containsExactly(
            "{\"path\":\"app/models.py\",\"chars\":8,\"attempt\":1}",
            "{\"path\":\"app/models.py\",\"chars\":11,\"attempt\":1}");
  }

  @Test
  void closeReportsWhatArrivedSinceTheLastEvent() {
    deltaAt(10, "abc");
    deltaAt(20, "de");
    progress.close();

    assertThat(journal.events(StreamProgress.EVENT_TYPE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.runId()).isEqualTo("run-7");
              assertThat(e.payloadJson()).contains("\"chars\":5");
            });
  }

  @Test
  void closeAfterTheLastReportAddsNothing() {
    deltaAt(300, "xyz");
    progress.close();
    progress.close();

    assertThat(journal.events(StreamProgress.EVENT_TYPE)).hasSize(1);
  }

  private void deltaAt(long ms, String text) {
    nowMs.set(ms);
    progress.onDelta(text);
  }
}

package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.journal.Fact;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

class GatewayConfigurationTest {

  @Test
  void streamsEndAfterExactlyTheCataloguesRunEndings() {
    assertThat(GatewayConfiguration.runEndings())
        .containsExactlyInAnyOrder(
            Fact.RunCompleted.TYPE, Fact.RunFailed.TYPE, Fact.RunCancelled.TYPE);
  }

  @Test
  void aJournalEventIsAnEventWithItsSeqAsIdAndItsTypeAsName() {
    JournalEvent event =
        new JournalEvent(
            "run-1", 7, Fact.StageStarted.TYPE, "{\"round\":1}", 1, OffsetDateTime.now());

    ServerSentEvent<String> sse = RunEvents.toEvent(event);

    assertThat(sse.id()).isEqualTo("7");
    assertThat(sse.event()).isEqualTo(Fact.StageStarted.TYPE);
    assertThat(sse.data()).isEqualTo("{\"round\":1}");
  }
}

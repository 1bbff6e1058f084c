package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskCompletedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowTaskCompletedEventAttributes;
import io.temporal.api.history.v1.WorkflowTaskStartedEventAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

  @Test
  void eachMomentCountsOnceForTheFirstThingHappeningThen() {
    RunTrace trace =
        new Traces()
            .event(0, "run.started", "{}")
            .call("requirements", 600, 500)
            .event(1000, "run.completed", "{}")
            .trace();
    List<HistoryEvent> history =
        List.of(
            workflowTaskStarted(1, 0),
            workflowTaskCompleted(2, 50),
            activityStarted(3, 90),
            activityCompleted(4, 610, 3),
            workflowTaskStarted(5, 620),
            workflowTaskCompleted(6, 700));

    Map<TimeSplit.Kind, Long> split = TimeSplit.of(trace, history);

    assertThat(split)
        .containsEntry(TimeSplit.Kind.MODEL_CALL, 500L)
        .containsEntry(TimeSplit.Kind.WORKFLOW_TASK, 130L)
        .containsEntry(TimeSplit.Kind.ACTIVITY_OUTSIDE_CALL, 20L)
        .containsEntry(TimeSplit.Kind.HANDOVER, 350L);
  }

  @Test
  void mediansAreTakenKindByKindOverTheRuns() {
    List<Map<TimeSplit.Kind, Long>> runs =
        List.of(
            Map.of(TimeSplit.Kind.MODEL_CALL, 2000L, TimeSplit.Kind.HANDOVER, 10L),
            Map.of(TimeSplit.Kind.MODEL_CALL, 2100L, TimeSplit.Kind.HANDOVER, 50L),
            Map.of(TimeSplit.Kind.MODEL_CALL, 2050L, TimeSplit.Kind.HANDOVER, 900L));

    Map<TimeSplit.Kind, Long> medians = TimeSplit.medians(runs);

    assertThat(medians)
        .containsEntry(TimeSplit.Kind.MODEL_CALL, 2050L)
        .containsEntry(TimeSplit.Kind.HANDOVER, 50L)
        .containsEntry(TimeSplit.Kind.WORKFLOW_TASK, 0L);
    assertThat(TimeSplit.medians(List.of())).isEmpty();
  }

  private static HistoryEvent workflowTaskStarted(long id, long atMs) {
    return event(id, atMs, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
        .setWorkflowTaskStartedEventAttributes(
            WorkflowTaskStartedEventAttributes.getDefaultInstance())
        .build();
  }

  private static HistoryEvent workflowTaskCompleted(long id, long atMs) {
    return event(id, atMs, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
        .setWorkflowTaskCompletedEventAttributes(
            WorkflowTaskCompletedEventAttributes.getDefaultInstance())
        .build();
  }

  private static HistoryEvent activityStarted(long id, long atMs) {
    return event(id, atMs, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .setActivityTaskStartedEventAttributes(
            ActivityTaskStartedEventAttributes.getDefaultInstance())
        .build();
  }

  private static HistoryEvent activityCompleted(long id, long atMs, long startedId) {
    return event(id, atMs, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .setActivityTaskCompletedEventAttributes(
            ActivityTaskCompletedEventAttributes.newBuilder().setStartedEventId(startedId))
        .build();
  }

  private static HistoryEvent.Builder event(long id, long atMs, EventType type) {
    Instant at = Traces.T0.plusMillis(atMs);
    return HistoryEvent.newBuilder()
        .setEventId(id)
        .setEventType(type)
        .setEventTime(
            Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()));
  }
}

package dev.forgeflow.orchestrator.logging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/** A workflow whose one activity logs a line, to see what context the line carries. */
final class LogProbe {
  static final String LOGGER = "dev.forgeflow.test.probe";

  private LogProbe() {}

  @WorkflowInterface
  public interface ProbeWorkflow {
    @WorkflowMethod
    void probe(String message);
  }

  @ActivityInterface
  public interface ProbeActivities {
    void note(String message);
  }

  public static final class ProbeWorkflowImpl implements ProbeWorkflow {
    private final ProbeActivities activities =
        Workflow.newActivityStub(
            ProbeActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public void probe(String message) {
      activities.note(message);
    }
  }

  static final class ProbeActivitiesImpl implements ProbeActivities {
    @Override
    public void note(String message) {
      LoggerFactory.getLogger(LOGGER).info(message);
    }
  }
}

package dev.forgeflow.orchestrator.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.pipeline.PipelineOptions;
import org.junit.jupiter.api.Test;

class RunRequestCheckTest {

  private static RunRequest withBudgetUsd(double usd) {
    return new RunRequest("books (title)", PipelineOptions.defaults().withBudget(0, usd));
  }

  @Test
  void aCostBudgetThatIsNotAFiniteNumberIsRefused() {
    assertThat(RunRequestCheck.problem(withBudgetUsd(Double.NaN)))
        .contains("the cost budget must be a number of US dollars, such as 2.50");
    assertThat(RunRequestCheck.problem(withBudgetUsd(Double.POSITIVE_INFINITY)))
        .contains("the cost budget must be a number of US dollars, such as 2.50");
  }

  @Test
  void aNegativeBudgetIsRefusedAndAPositiveOneAccepted() {
    assertThat(RunRequestCheck.problem(withBudgetUsd(-1))).contains("a budget cannot be negative");
    assertThat(RunRequestCheck.problem(withBudgetUsd(2.5))).isEmpty();
  }
}

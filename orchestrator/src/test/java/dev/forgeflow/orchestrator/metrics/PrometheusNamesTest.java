package dev.forgeflow.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The names docs/metrics.md gives for the run meters are the names Prometheus scrapes. */
class PrometheusNamesTest {

  @Test
  void runMetersScrapeUnderTheirDocumentedNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Stores stores = InMemoryStores.create();
    RunStore runs = stores.runs();
    MeteredRunJournal journal = new MeteredRunJournal(stores.journal(), registry);
    String runId = runs.create(new NewRun("a bookstore", "{}"));
    for (Fact fact :
        new Fact[] {
          new Fact.RunStarted(false, 3),
          new Fact.StageCompleted("REQUIREMENTS", 0, 1_000),
          new Fact.LlmUsage("requirements", "gpt-4o-mini", 10, 5, 0.01, 100),
          MeteredRunJournalTest.completed("APPROVED")
        }) {
      journal.append(runId, fact.eventType(), Facts.json(fact), 1, null);
    }

    assertThat(registry.scrape())
        .contains("forgeflow_runs_started_total 1.0")
        .contains("forgeflow_runs_finished_total{outcome=\"APPROVED\"} 1.0")
        .contains("forgeflow_stage_duration_seconds_count{stage=\"REQUIREMENTS\"} 1")
        .contains("forgeflow_stage_duration_seconds_sum{stage=\"REQUIREMENTS\"} 1.0")
        .contains(
            "forgeflow_llm_tokens_total{agent=\"requirements\",direction=\"input\","
                + "model=\"gpt-4o-mini\"} 10.0")
        .contains("forgeflow_llm_cost_usd_total{agent=\"requirements\",model=\"gpt-4o-mini\"} 0.01")
        .contains("forgeflow_journal_append_seconds_count{outcome=\"ok\",type=\"run.started\"} 1");
  }
}

import { usage } from "../lib/runModel";
import type { RunDetail, RunEvent } from "../lib/types";
import { usd } from "./format";

/** Tokens and cost per agent and per round, and the run's totals. */
export function UsageView({ run, events }: { run: RunDetail; events: readonly RunEvent[] }) {
  const rows = usage(events);
  const agents = new Map<string, { tokens: number; cost: number; calls: number }>();
  for (const row of rows) {
    const a = agents.get(row.agent) ?? { tokens: 0, cost: 0, calls: 0 };
    a.tokens += row.promptTokens + row.completionTokens;
    a.cost += row.costUsd;
    a.calls += row.calls;
    agents.set(row.agent, a);
  }
  return (
    <div className="usage" data-testid="usage">
      <section className="card">
        <h2>Totals</h2>
        <p>
          {(run.state?.tokens ?? 0).toLocaleString()} tokens, {usd(run.state?.costUsd)}
          {run.options && (run.options.budgetTokens > 0 || run.options.budgetUsd > 0)
            ? ` of a budget of ${run.state?.budgetTokens ? `${run.state.budgetTokens.toLocaleString()} tokens` : ""}${run.state?.budgetUsd ? ` $${run.state.budgetUsd.toFixed(2)}` : ""}`
            : ""}
        </p>
        {rows.length === 0 && (
          <p className="muted">{run.offlinePlanner ? "The offline planner makes no model calls." : "No model calls yet."}</p>
        )}
      </section>
      {rows.length > 0 && (
        <>
          <section className="card">
            <h2>Per agent</h2>
            <table>
              <thead><tr><th>Agent</th><th>Calls</th><th>Tokens</th><th>Cost</th></tr></thead>
              <tbody>
                {[...agents.entries()].map(([agent, a]) => (
                  <tr key={agent}><td>{agent}</td><td>{a.calls}</td><td>{a.tokens.toLocaleString()}</td><td>{usd(a.cost)}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>Per round</h2>
            <table>
              <thead><tr><th>Round</th><th>Agent</th><th>Calls</th><th>Prompt</th><th>Completion</th><th>Cost</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.agent}/${r.round}`}>
                    <td>{r.round}</td><td>{r.agent}</td><td>{r.calls}</td>
                    <td>{r.promptTokens.toLocaleString()}</td><td>{r.completionTokens.toLocaleString()}</td><td>{usd(r.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

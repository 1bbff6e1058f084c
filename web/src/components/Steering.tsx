import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { api, enc } from "../lib/api";
import type { RunDetail } from "../lib/types";
import { ErrorNote } from "./ErrorNote";
import { useAction } from "../lib/useAction";

/** The approval gate is waiting: approve the plan, or send it back with what to change. */
export function ApprovalPanel({ runId, onDecided }: { runId: string; onDecided(): void }) {
  const [feedback, setFeedback] = useState("");
  const { busy, error, run } = useAction();

  async function decide(path: string, body?: unknown) {
    await run(async () => {
      await api.post(`/api/runs/${enc(runId)}/${path}`, body);
      setFeedback("");
      onDecided();
    });
  }

  return (
    <section className="card panel attention" aria-label="Approval" data-testid="approval-panel">
      <h2>The plan waits for your approval</h2>
      <p>
        Read the <Link to={`/runs/${runId}/plan`}>plan</Link>: the charter, the architecture and its
        endpoints. Approve it to have the code written, or say what to change.
      </p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => decide("approve")}>Approve plan</button>
        <button type="button" className="danger" disabled={busy} onClick={() => decide("reject")}>Reject</button>
      </div>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          decide("request-changes", { feedback });
        }}
      >
        <label>
          What to change
          <textarea name="feedback" rows={3} required maxLength={20000} value={feedback} onChange={(e) => setFeedback(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={busy || feedback.trim() === ""}>Request changes</button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}

/** A budget pause is waiting: raise the budget and go on, or stop the run here. */
export function BudgetPanel({ run, onDecided }: { run: RunDetail; onDecided(): void }) {
  const state = run.state!;
  const [tokens, setTokens] = useState(Math.max(state.budgetTokens * 2, state.tokens + 10_000));
  const [dollars, setDollars] = useState(Math.max(state.budgetUsd * 2, 1));
  const { error, run: send } = useAction();

  async function answer(body: unknown) {
    await send(async () => {
      await api.post(`/api/runs/${enc(run.id)}/budget`, body);
      onDecided();
    });
  }

  return (
    <section className="card panel attention" aria-label="Budget" data-testid="budget-panel">
      <h2>The budget is spent</h2>
      <p>
        Used {state.tokens.toLocaleString()} tokens and ${state.costUsd.toFixed(2)} of{" "}
        {state.budgetTokens > 0 ? `${state.budgetTokens.toLocaleString()} tokens` : "no token limit"}
        {state.budgetUsd > 0 ? ` and $${state.budgetUsd.toFixed(2)}` : ""}.
      </p>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          answer({
            stop: false,
            budgetTokens: state.budgetTokens > 0 ? tokens : 0,
            budgetUsd: state.budgetUsd > 0 ? dollars : 0,
          });
        }}
      >
        {state.budgetTokens > 0 && (
          <label>
            New token budget
            <input type="number" min={state.tokens + 1} value={tokens} onChange={(e) => setTokens(Number(e.target.value))} />
          </label>
        )}
        {state.budgetUsd > 0 && (
          <label>
            New USD budget
            <input type="number" step={0.01} min={0} value={dollars} onChange={(e) => setDollars(Number(e.target.value))} />
          </label>
        )}
        <button type="submit">Raise and go on</button>
        <button type="button" className="danger" onClick={() => answer({ stop: true })}>Stop here</button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}

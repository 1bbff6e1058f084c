import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Link, NavLink, Route, Routes, useParams } from "react-router-dom";
import { api, enc } from "../lib/api";
import { useRunEvents } from "../lib/events";
import { useSession } from "../lib/session";
import { ENDED, type RunDetail, type RunEvent } from "../lib/types";
import { ErrorNote } from "../components/ErrorNote";
import { statusClass, usd, when } from "../components/format";
import { ApprovalPanel, BudgetPanel } from "../components/Steering";
import { LiveView } from "../components/LiveView";
import { ReportsView } from "../components/ReportsView";
import { UsageView } from "../components/UsageView";

// the heavy views (diagrams, highlighter and diffs, the schema form) load when first opened
const PlanView = lazy(() => import("../components/PlanView").then((m) => ({ default: m.PlanView })));
const CodeView = lazy(() => import("../components/CodeView").then((m) => ({ default: m.CodeView })));
const DeploymentView = lazy(() =>
  import("../components/DeploymentView").then((m) => ({ default: m.DeploymentView })),
);
import { STAGE_NAMES } from "../lib/runModel";

/** Events after which the run's record or its workflow's state has moved on. */
const REFRESHING = new Set([
  "stage.started",
  "stage.completed",
  "approval.requested",
  "approval.decided",
  "approval.timed_out",
  "budget.exhausted",
  "budget.raised",
  "budget.stopped",
  "code.bundle",
  "deploy.ready",
  "deploy.failed",
  "run.completed",
  "run.failed",
  "run.cancelled",
]);

/** What the run's end says, whichever end it was: completed, failed or cancelled. */
export function resultLine(run: RunDetail): string | null {
  const result = run.result as Record<string, unknown> | null | undefined;
  if (!result) return null;
  if (typeof result.outcome === "string") {
    return `${result.outcome.replace("_", " ").toLowerCase()}: ${String(result.verdict ?? "")}`;
  }
  if (typeof result.message === "string") {
    const stage = typeof result.stage === "string" ? ` in ${STAGE_NAMES[result.stage] ?? result.stage}` : "";
    return `failed${stage}: ${result.message}`;
  }
  if (run.status === "CANCELLED") {
    return typeof result.reason === "string" && result.reason ? `cancelled: ${result.reason}` : "cancelled";
  }
  return null;
}

export function RunPage() {
  const { runId = "" } = useParams();
  const { server } = useSession();
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [projectName, setProjectName] = useState<string | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(() => {
    api.get<RunDetail>(`/api/runs/${enc(runId)}`).then((detail) => {
      setRun(detail);
      setError(null);
    }, setError);
  }, [runId]);

  useEffect(() => {
    setRun(null);
    refresh();
    return () => clearTimeout(pending.current);
  }, [refresh]);

  const onEvent = useCallback(
    (event: RunEvent) => {
      if (!REFRESHING.has(event.type)) return;
      clearTimeout(pending.current);
      pending.current = setTimeout(refresh, 150);
    },
    [refresh],
  );
  const feed = useRunEvents(runId, onEvent);
  const projectId = run?.projectId;
  useEffect(() => {
    if (!projectId) return;
    api.get<{ name: string }>(`/api/projects/${enc(projectId)}`).then((p) => setProjectName(p.name), () => setProjectName(null));
  }, [projectId]);

  async function cancel() {
    if (!window.confirm("Cancel this run? What it made so far is kept.")) return;
    try {
      await api.post(`/api/runs/${enc(runId)}/cancel`);
      refresh();
    } catch (failure) {
      setError(failure);
    }
  }

  if (!run) {
    return error ? <ErrorNote error={error} /> : <p className="muted centered">Loading the run…</p>;
  }
  const ended = ENDED.has(run.status);
  const state = run.state;
  const temporalPage =
    server?.temporalWeb != null
      ? `${server.temporalWeb}/namespaces/${enc(server.namespace)}/workflows/${enc(run.id)}`
      : null;
  const base = `/runs/${run.id}`;

  return (
    <section className="run">
      <p className="crumbs">
        <Link to="/">Projects</Link> / <Link to={`/projects/${run.projectId}`}>{projectName ?? "project"}</Link> /
      </p>
      <div className="title-row">
        <h1>
          {run.service ?? "New service"}{" "}
          <span className={statusClass(run.status)} data-testid="run-status">
            {run.status.replace("_", " ").toLowerCase()}
          </span>
        </h1>
        <span className="actions">
          {!ended && (
            <button type="button" className="danger small" onClick={cancel}>Cancel run</button>
          )}
          {(state?.bundleVersion ?? 0) > 0 && (
            <a className="button secondary small" href={`/api/runs/${enc(run.id)}/download`} download>
              Download zip
            </a>
          )}
          {temporalPage && (
            <a className="button secondary small" href={temporalPage} target="_blank" rel="noreferrer">
              Temporal Web
            </a>
          )}
        </span>
      </div>
      <p className="prompt">{run.prompt}</p>
      <dl className="facts">
        <div><dt>Stage</dt><dd data-testid="run-stage">{STAGE_NAMES[state?.stage ?? ""] ?? state?.stage ?? "—"}</dd></div>
        <div><dt>Round</dt><dd>{state?.round ?? 0}</dd></div>
        <div><dt>Version</dt><dd>{state?.bundleVersion ?? 0}</dd></div>
        <div><dt>Tokens</dt><dd>{(state?.tokens ?? 0).toLocaleString()}</dd></div>
        <div><dt>Cost</dt><dd>{usd(state?.costUsd)}</dd></div>
        <div><dt>Started</dt><dd>{when(run.createdAt)}</dd></div>
      </dl>
      {run.offlinePlanner && (
        <p className="muted small-note">Planned by the offline planner — no model configured.</p>
      )}
      {resultLine(run) && (
        <p className={`outcome outcome-${run.status.toLowerCase()}`} data-testid="run-outcome">
          {resultLine(run)}
        </p>
      )}
      {run.workflowClosed?.reason && !run.result && (
        <p className="outcome">{run.workflowClosed.reason}</p>
      )}
      <ErrorNote error={error} />
      {state?.awaiting === "PLAN_APPROVAL" && !ended && <ApprovalPanel runId={run.id} onDecided={refresh} />}
      {state?.awaiting === "BUDGET" && !ended && <BudgetPanel run={run} onDecided={refresh} />}
      <nav className="tabs" aria-label="Run">
        <NavLink to={base} end>Live</NavLink>
        <NavLink to={`${base}/plan`}>Plan</NavLink>
        <NavLink to={`${base}/code`}>Code</NavLink>
        <NavLink to={`${base}/reports`}>Reviews &amp; tests</NavLink>
        <NavLink to={`${base}/usage`}>Usage</NavLink>
        <NavLink to={`${base}/deployment`}>Deployment</NavLink>
      </nav>
      <Suspense fallback={<p className="muted">Loading…</p>}>
      <Routes>
        <Route index element={<LiveView run={run} feed={feed} />} />
        <Route path="plan" element={<PlanView run={run} events={feed.events} />} />
        <Route path="code" element={<CodeView run={run} />} />
        <Route path="reports" element={<ReportsView run={run} events={feed.events} />} />
        <Route path="usage" element={<UsageView run={run} events={feed.events} />} />
        <Route path="deployment" element={<DeploymentView run={run} onChanged={refresh} />} />
      </Routes>
      </Suspense>
    </section>
  );
}

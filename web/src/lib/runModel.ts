import type { RunEvent } from "./types";

/** The pipeline's stages in the order a run goes through them. */
export const STAGES = [
  "REQUIREMENTS",
  "ARCHITECTURE",
  "APPROVAL",
  "IMPLEMENTATION",
  "CHECKS",
  "REVIEW",
  "REPAIR",
  "DEPLOY",
] as const;

export const STAGE_NAMES: Record<string, string> = {
  REQUIREMENTS: "Requirements",
  ARCHITECTURE: "Architecture",
  APPROVAL: "Approval",
  IMPLEMENTATION: "Implementer",
  CHECKS: "Checks",
  REVIEW: "Review",
  REPAIR: "Repair",
  DEPLOY: "Deploy",
  DONE: "Done",
};

export interface StageSpan {
  stage: string;
  round: number;
  /** How many times this stage of this round started (more than one: it was retried or redone). */
  starts: number;
  state: "running" | "done" | "stopped";
  elapsedMs?: number;
  firstSeq: number;
  /** the highest activity attempt among its events: above 1, an activity of it was retried */
  attempts: number;
}

/** The stage timeline: one span per stage and round, in the order they started. */
export function timeline(events: readonly RunEvent[]): StageSpan[] {
  const spans: StageSpan[] = [];
  const open = new Map<string, StageSpan>();
  let current: StageSpan | undefined;
  let ended = false;
  for (const event of events) {
    const attempt = Number(event.data.attempt ?? 1);
    if (current && current.state === "running" && attempt > current.attempts) current.attempts = attempt;
    const key = `${event.data.stage}/${event.data.round ?? 0}`;
    if (event.type === "stage.started") {
      const existing = open.get(key);
      if (existing && existing.state === "running") {
        existing.starts += 1;
        current = existing;
        continue;
      }
      const span: StageSpan = {
        stage: String(event.data.stage),
        round: Number(event.data.round ?? 0),
        starts: 1,
        state: "running",
        firstSeq: event.seq,
        attempts: 1,
      };
      if (existing) span.starts = existing.starts + 1;
      open.set(key, span);
      spans.push(span);
      current = span;
    } else if (event.type === "stage.completed") {
      const span = open.get(key);
      if (span) {
        span.state = "done";
        span.elapsedMs = (span.elapsedMs ?? 0) + Number(event.data.elapsedMs ?? 0);
      }
    } else if (event.type === "run.completed" || event.type === "run.failed" || event.type === "run.cancelled") {
      ended = true;
    }
  }
  if (ended) {
    for (const span of spans) if (span.state === "running") span.state = "stopped";
  }
  return spans;
}

export interface FileProgress {
  path: string;
  state: "writing" | "written" | "rejected";
  chars: number;
  bytes?: number;
  round: number;
  reason?: string;
}

/** The Implementer's files of the latest round that wrote any, as they are written in parallel. */
export function fileProgress(events: readonly RunEvent[]): FileProgress[] {
  const files = new Map<string, FileProgress>();
  let round = 0;
  for (const event of events) {
    if (event.type === "stage.started" && event.data.stage === "IMPLEMENTATION") {
      round = Number(event.data.round ?? 0);
    }
    if (event.type === "stage.started" && event.data.stage === "REPAIR") {
      round = Number(event.data.round ?? 0);
    }
    const path = event.data.path;
    if (typeof path !== "string") continue;
    if (event.type === "code.progress") {
      const file = files.get(path);
      if (!file || file.state !== "writing" || file.round !== round) {
        files.set(path, { path, state: "writing", chars: Number(event.data.chars ?? 0), round });
      } else {
        file.chars = Number(event.data.chars ?? file.chars);
      }
    } else if (event.type === "code.file") {
      files.set(path, {
        path,
        state: "written",
        chars: files.get(path)?.chars ?? 0,
        bytes: Number(event.data.bytes ?? 0),
        round: Number(event.data.round ?? round),
      });
    } else if (event.type === "code.rejected") {
      files.set(path, {
        path,
        state: "rejected",
        chars: 0,
        round,
        reason: String(event.data.reason ?? event.data.message ?? "rejected"),
      });
    }
  }
  return [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export interface Usage {
  agent: string;
  round: number;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** Tokens and cost per agent and per round (the round of the stage the call was made in). */
export function usage(events: readonly RunEvent[]): Usage[] {
  const rows = new Map<string, Usage>();
  let round = 0;
  for (const event of events) {
    if (event.type === "stage.started") round = Number(event.data.round ?? round);
    if (event.type !== "llm.usage") continue;
    const agent = String(event.data.agent ?? "model");
    const key = `${agent}/${round}`;
    const row = rows.get(key) ?? {
      agent,
      round,
      calls: 0,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
    };
    row.calls += 1;
    row.promptTokens += Number(event.data.promptTokens ?? 0);
    row.completionTokens += Number(event.data.completionTokens ?? 0);
    row.costUsd += Number(event.data.costUsd ?? 0);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.round - b.round || a.agent.localeCompare(b.agent));
}

/** The last event of one of the given types, if any. */
export function last(events: readonly RunEvent[], ...types: string[]): RunEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (types.includes(events[i].type)) return events[i];
  return undefined;
}

export function all(events: readonly RunEvent[], type: string): RunEvent[] {
  return events.filter((e) => e.type === type);
}

/** One line a person reads for an event in the feed. */
export function describe(event: RunEvent): string {
  const d = event.data;
  const stage = STAGE_NAMES[d.stage] ?? d.stage;
  switch (event.type) {
    case "run.started":
      return `Run started${d.approvalGate ? " with the approval gate on" : ""}`;
    case "stage.started":
      return `${stage} started${d.round ? ` (round ${d.round})` : ""}`;
    case "stage.completed":
      return `${stage} done in ${formatMs(d.elapsedMs)}`;
    case "artifact.charter":
      return `Charter written: ${d.projectName ?? ""} (${d.entities ?? 0} resources)`;
    case "artifact.architecture":
      return `Architecture planned: ${d.components ?? 0} components, ${(d.files ?? []).length} files`;
    case "approval.requested":
      return "Waiting for your approval of the plan";
    case "approval.decided":
      return d.approve ? "Plan approved" : `Changes requested: ${d.feedback ?? ""}`;
    case "approval.timed_out":
      return "The approval wait timed out";
    case "code.file":
      return `Wrote ${d.path} (${d.bytes} bytes)`;
    case "code.progress":
      return `Writing ${d.path}… ${d.chars} characters`;
    case "code.rejected":
      return `Rejected ${d.path}: ${d.reason ?? d.message ?? ""}`;
    case "code.bundle":
      return `Version ${d.version} stored (${d.files} files)`;
    case "review.report":
      return `Review round ${d.round}: ${d.approved ? "approved" : `${d.blocking} blocking of ${d.issues} issues`}`;
    case "review.stuck":
      return "Review stopped making progress";
    case "test.report":
      return `Checks round ${d.round}: ${d.passed ? "passed" : "failed"} — ${d.testsRun - d.testsFailed}/${d.testsRun} tests`;
    case "llm.usage":
      return `${d.agent}: ${d.promptTokens}+${d.completionTokens} tokens, $${Number(d.costUsd ?? 0).toFixed(4)}`;
    case "budget.exhausted":
      return `Budget reached (${d.tokens} tokens, $${Number(d.costUsd ?? 0).toFixed(2)}): the run is paused`;
    case "budget.raised":
      return "Budget raised";
    case "budget.stopped":
      return "Stopped at the budget";
    case "deploy.ready":
      return `Deployed at ${d.url}`;
    case "deploy.failed":
      return `Deploy failed: ${d.reason ?? ""}`;
    case "deploy.log":
      return `Service log: ${(d.lines ?? []).length} line(s)`;
    case "run.completed":
      return `Run completed: ${d.verdict ?? d.outcome ?? ""}`;
    case "run.failed":
      return `Run failed${d.stage ? ` in ${stage}` : ""}: ${d.message ?? ""}`;
    case "run.cancelled":
      return "Run cancelled";
    default:
      return event.type;
  }
}

export function formatMs(ms: unknown): string {
  const n = Number(ms ?? 0);
  if (n < 1000) return `${n} ms`;
  if (n < 60_000) return `${(n / 1000).toFixed(1)} s`;
  return `${Math.floor(n / 60_000)} min ${Math.round((n % 60_000) / 1000)} s`;
}

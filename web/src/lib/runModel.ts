import type { RetrievalHit, RunEvent } from "./types";

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

/** The agents that retrieve context, in the order a run meets them. */
export const AGENT_NAMES: Record<string, string> = {
  requirements: "Requirements",
  architecture: "Architecture",
  implementer: "Implementer",
  reviewer: "Reviewer",
};

export function agentName(agent: unknown): string {
  const name = String(agent ?? "agent");
  return AGENT_NAMES[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** What one agent retrieved once, before it wrote. */
export interface Retrieval {
  seq: number;
  agent: string;
  /** the stage and round running when it retrieved */
  stage?: string;
  round: number;
  attempt: number;
  query: string;
  hits: RetrievalHit[];
  /** the code version stored last before it: what a code hit's lines refer to */
  version: number;
}

export interface Indexed {
  seq: number;
  bundleId: string;
  version: number;
  chunks: number;
}

/** The vector store is not answering and an agent waits for it. */
export interface RetrievalWait {
  seq: number;
  agent: string;
  message: string;
  attempt: number;
}

export interface RetrievalState {
  /** per agent, in the order of AGENT_NAMES then of first retrieval; each agent's in order */
  agents: { agent: string; retrievals: Retrieval[] }[];
  /** the code versions indexed for questions */
  indexed: Indexed[];
  /** the latest wait for the vector store, until it answered again, the run moved on or ended */
  waiting: RetrievalWait | null;
}

function hitsOf(value: unknown): RetrievalHit[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((h) => h && typeof h === "object")
    .map((h) => ({
      source: String(h.source ?? "document"),
      label: String(h.label ?? ""),
      location: String(h.location ?? ""),
      score: Number(h.score ?? 0),
    }));
}

/** The context the agents retrieved, the versions indexed for questions, and any wait for the store. */
export function retrievals(events: readonly RunEvent[]): RetrievalState {
  const byAgent = new Map<string, Retrieval[]>();
  const indexed: Indexed[] = [];
  let waiting: RetrievalWait | null = null;
  let stage: string | undefined;
  let round = 0;
  let version = 0;
  for (const event of events) {
    const d = event.data;
    switch (event.type) {
      case "stage.started":
        stage = String(d.stage);
        round = Number(d.round ?? round);
        waiting = null;
        break;
      case "stage.completed":
      case "run.completed":
      case "run.failed":
      case "run.cancelled":
        waiting = null;
        break;
      case "code.bundle":
        version = Number(d.version ?? version);
        break;
      case "retrieval.done": {
        const agent = String(d.agent ?? "agent");
        const list = byAgent.get(agent) ?? [];
        list.push({
          seq: event.seq,
          agent,
          stage,
          round,
          attempt: Number(d.attempt ?? 1),
          query: String(d.query ?? ""),
          hits: hitsOf(d.hits),
          version,
        });
        byAgent.set(agent, list);
        waiting = null;
        break;
      }
      case "retrieval.indexed":
        indexed.push({
          seq: event.seq,
          bundleId: String(d.bundleId ?? ""),
          version: Number(d.version ?? 0),
          chunks: Number(d.chunks ?? 0),
        });
        waiting = null;
        break;
      case "retrieval.unavailable":
        waiting = {
          seq: event.seq,
          agent: String(d.agent ?? "agent"),
          message: String(d.message ?? "the vector store is not answering"),
          attempt: Number(d.attempt ?? 1),
        };
        break;
    }
  }
  const order = Object.keys(AGENT_NAMES);
  const rank = (agent: string) => (order.includes(agent) ? order.indexOf(agent) : order.length);
  const agents = [...byAgent.entries()]
    .map(([agent, list]) => ({ agent, retrievals: list }))
    .sort((a, b) => rank(a.agent) - rank(b.agent) || a.retrievals[0].seq - b.retrievals[0].seq);
  return { agents, indexed, waiting };
}

/** A hit's location, short: "page 2, characters 1000–2200" is "page 2"; "lines 10–24" stays. */
export function shortLocation(location: string): string {
  return location.split(",")[0].trim();
}

/** The lines a code hit's location names ("lines 10–24", "line 7"), if it names any. */
export function lineRange(location: string): { start: number; end: number } | null {
  const match = /\blines?\s+(\d+)(?:\s*[–—-]\s*(\d+))?/.exec(location);
  if (!match) return null;
  const start = Number(match[1]);
  return { start, end: Math.max(start, Number(match[2] ?? start)) };
}

export function score(value: unknown): string {
  return Number(value ?? 0).toFixed(2);
}

function hitLine(hit: RetrievalHit): string {
  const where = shortLocation(hit.location);
  return `${hit.label}${where ? ` ${where}` : ""} (${score(hit.score)})`;
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
    case "sandbox.placed":
      return d.previousHost
        ? `Sandbox moved to host ${d.host}: ${d.previousHost} stopped answering`
        : `Sandbox work placed on host ${d.host}`;
    case "retrieval.done": {
      const hits = hitsOf(d.hits);
      const who = agentName(d.agent);
      if (hits.length === 0) return `${who} retrieved nothing for “${d.query ?? ""}”`;
      const shown = hits.slice(0, 3).map(hitLine).join(", ");
      const more = hits.length > 3 ? `, and ${hits.length - 3} more` : "";
      return `${who} retrieved ${hits.length} passage${hits.length === 1 ? "" : "s"} — ${shown}${more}`;
    }
    case "retrieval.indexed":
      return `Version ${d.version} indexed for questions (${d.chunks} passages)`;
    case "retrieval.unavailable":
      return `${agentName(d.agent)} waits for the vector store: ${d.message ?? "it is not answering"}`;
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

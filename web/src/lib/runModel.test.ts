import { describe as describeEvent, fileProgress, timeline, usage } from "./runModel";
import { journal } from "../test/journal";
import type { RunEvent } from "./types";

const ev = (seq: number, type: string, data: Record<string, unknown>): RunEvent => ({ seq, type, data });

describe("timeline", () => {
  it("lays out a real run: every stage done, the plan redone after a change request", () => {
    const spans = timeline(journal());
    expect(spans.map((s) => s.stage)).toEqual([
      "REQUIREMENTS",
      "ARCHITECTURE",
      "ARCHITECTURE",
      "IMPLEMENTATION",
      "CHECKS",
      "REVIEW",
      "DEPLOY",
    ]);
    expect(spans.every((s) => s.state === "done")).toBe(true);
    expect(spans[2].starts).toBe(2);
    expect(spans[0].elapsedMs).toBe(353);
  });

  it("counts a stage started again before it completed as a retry, and stops open stages at the end", () => {
    const spans = timeline([
      ev(1, "stage.started", { stage: "IMPLEMENTATION", round: 0 }),
      ev(2, "stage.started", { stage: "IMPLEMENTATION", round: 0 }),
      ev(3, "run.failed", { message: "boom" }),
    ]);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ starts: 2, state: "stopped" });
  });

  it("marks a stage whose activity was retried with its highest attempt", () => {
    const spans = timeline([
      ev(1, "stage.started", { stage: "REQUIREMENTS", round: 0, attempt: 1 }),
      ev(2, "artifact.charter", { attempt: 3 }),
      ev(3, "stage.completed", { stage: "REQUIREMENTS", round: 0, elapsedMs: 900, attempt: 1 }),
      ev(4, "stage.started", { stage: "ARCHITECTURE", round: 0, attempt: 1 }),
    ]);
    expect(spans.map((s) => s.attempts)).toEqual([3, 1]);
  });
});

describe("fileProgress", () => {
  it("follows files from streamed characters to written, and marks rejected ones", () => {
    const files = fileProgress([
      ev(1, "stage.started", { stage: "IMPLEMENTATION", round: 0 }),
      ev(2, "code.progress", { path: "app/a.py", chars: 10 }),
      ev(3, "code.progress", { path: "app/b.py", chars: 5 }),
      ev(4, "code.progress", { path: "app/a.py", chars: 40 }),
      ev(5, "code.file", { path: "app/b.py", bytes: 99, round: 0 }),
      ev(6, "code.rejected", { path: "../x", reason: "leaves the project", round: 0 }),
    ]);
    expect(files).toEqual([
      { path: "../x", state: "rejected", chars: 0, round: 0, reason: "leaves the project" },
      { path: "app/a.py", state: "writing", chars: 40, round: 0 },
      { path: "app/b.py", state: "written", chars: 5, bytes: 99, round: 0 },
    ]);
  });

  it("lists all fifteen files of the real run as written", () => {
    const files = fileProgress(journal());
    expect(files).toHaveLength(15);
    expect(files.every((f) => f.state === "written")).toBe(true);
  });
});

describe("usage", () => {
  it("sums tokens and cost per agent and per round", () => {
    const rows = usage([
      ev(1, "stage.started", { stage: "REQUIREMENTS", round: 0 }),
      ev(2, "llm.usage", { agent: "requirements", promptTokens: 100, completionTokens: 50, costUsd: 0.01 }),
      ev(3, "stage.started", { stage: "REVIEW", round: 1 }),
      ev(4, "llm.usage", { agent: "reviewer", promptTokens: 10, completionTokens: 5, costUsd: 0.001 }),
      ev(5, "llm.usage", { agent: "reviewer", promptTokens: 20, completionTokens: 5, costUsd: 0.002 }),
      ev(6, "stage.started", { stage: "REVIEW", round: 2 }),
      ev(7, "llm.usage", { agent: "reviewer", promptTokens: 1, completionTokens: 1, costUsd: 0 }),
    ]);
    expect(rows).toEqual([
      { agent: "requirements", round: 0, calls: 1, promptTokens: 100, completionTokens: 50, costUsd: 0.01 },
      { agent: "reviewer", round: 1, calls: 2, promptTokens: 30, completionTokens: 10, costUsd: 0.003 },
      { agent: "reviewer", round: 2, calls: 1, promptTokens: 1, completionTokens: 1, costUsd: 0 },
    ]);
  });
});

describe("describe", () => {
  it("has a sentence for every event of the real run", () => {
    for (const event of journal()) {
      const text = describeEvent(event);
      expect(text).not.toBe(event.type);
      expect(text).not.toContain("undefined");
    }
  });
});

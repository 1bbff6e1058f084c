import { describe as describeEvent, fileProgress, lineRange, retrievals, shortLocation, timeline, usage } from "./runModel";
import { journal } from "../test/journal";
import { retrievalJournal } from "../test/retrieval";
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

describe("describe, for sandbox hosts", () => {
  it("names the host a run is placed on, and the one it left", () => {
    expect(describeEvent(ev(1, "sandbox.placed", { host: "docker-1" }))).toBe(
      "Sandbox work placed on host docker-1",
    );
    expect(describeEvent(ev(2, "sandbox.placed", { host: "docker-2", previousHost: "docker-1" }))).toBe(
      "Sandbox moved to host docker-2: docker-1 stopped answering",
    );
  });
});

describe("retrievals", () => {
  it("lists what each agent retrieved, in pipeline order, with the version its code hits refer to", () => {
    const state = retrievals(retrievalJournal());
    expect(state.agents.map((a) => a.agent)).toEqual(["requirements", "architecture", "reviewer"]);
    const requirements = state.agents[0].retrievals;
    expect(requirements).toHaveLength(1);
    expect(requirements[0]).toMatchObject({ seq: 4, stage: "REQUIREMENTS", round: 0, attempt: 2, version: 0 });
    expect(requirements[0].hits[0]).toEqual({ source: "document", label: "spec.md", location: "page 1, characters 0–1200", score: 0.82 });
    expect(state.agents[2].retrievals[0]).toMatchObject({ stage: "REVIEW", round: 1, version: 1 });
    expect(state.indexed).toEqual([{ seq: 14, bundleId: "b-1", version: 1, chunks: 41 }]);
  });

  it("says an agent waits for the vector store until it answers again", () => {
    const events = retrievalJournal();
    expect(retrievals(events.slice(0, 3)).waiting).toEqual({
      seq: 3,
      agent: "requirements",
      message: "Chroma at http://127.0.0.1:8000 is not answering: Connection refused; retrying",
      attempt: 1,
    });
    expect(retrievals(events.slice(0, 4)).waiting).toBeNull();
  });

  it("stops waiting when the run ends", () => {
    const events = retrievalJournal().slice(0, 3);
    events.push(ev(4, "run.cancelled", { attempt: 1 }));
    expect(retrievals(events).waiting).toBeNull();
  });

  it("keeps a hit whose fields are missing readable", () => {
    const state = retrievals([ev(1, "retrieval.done", { agent: "implementer", query: "q", hits: [{ label: "app/main.py" }] })]);
    expect(state.agents[0].retrievals[0].hits).toEqual([{ source: "document", label: "app/main.py", location: "", score: 0 }]);
  });
});

describe("hit locations", () => {
  it("shortens a document's location to its page and reads a code location's lines", () => {
    expect(shortLocation("page 2, characters 1000–2200")).toBe("page 2");
    expect(shortLocation("lines 10–24")).toBe("lines 10–24");
    expect(shortLocation("")).toBe("");
    expect(lineRange("lines 10–24")).toEqual({ start: 10, end: 24 });
    expect(lineRange("lines 3-7")).toEqual({ start: 3, end: 7 });
    expect(lineRange("line 9")).toEqual({ start: 9, end: 9 });
    expect(lineRange("page 2, characters 1000–2200")).toBeNull();
  });
});

describe("describe, for retrieval", () => {
  it("reads each retrieval event as a sentence with its passages and scores", () => {
    const lines = retrievalJournal()
      .filter((e) => e.type.startsWith("retrieval."))
      .map(describeEvent);
    expect(lines).toEqual([
      "Requirements waits for the vector store: Chroma at http://127.0.0.1:8000 is not answering: Connection refused; retrying",
      "Requirements retrieved 4 passages — spec.md page 1 (0.82), spec.md page 2 (0.74), Security checklist — injection (0.61), and 1 more",
      "Architecture retrieved 1 passage — FastAPI layout — routers (0.77)",
      "Version 1 indexed for questions (41 passages)",
      "Reviewer retrieved 2 passages — app/models.py lines 10–24 (0.71), Security checklist — injection (0.55)",
    ]);
    expect(describeEvent(ev(1, "retrieval.done", { agent: "implementer", query: "tags", hits: [] }))).toBe(
      "Implementer retrieved nothing for “tags”",
    );
  });
});

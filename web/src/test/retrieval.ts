import type { RunEvent } from "../lib/types";

const ev = (seq: number, type: string, data: Record<string, unknown>): RunEvent => ({ seq, type, data: { attempt: 1, ...data } });

/**
 * The start of a run that retrieves context, as the gateway streams it: Requirements reads the
 * project's spec and the knowledge base (after waiting once for the vector store), Architecture
 * reads the knowledge base, the Implementer writes, version 1 is indexed for questions, and the
 * Reviewer reads the code.
 */
export function retrievalJournal(): RunEvent[] {
  return [
    ev(1, "run.started", { approvalGate: false, maxReviewRounds: 3 }),
    ev(2, "stage.started", { stage: "REQUIREMENTS", round: 0 }),
    ev(3, "retrieval.unavailable", {
      agent: "requirements",
      message: "Chroma at http://127.0.0.1:8000 is not answering: Connection refused; retrying",
    }),
    ev(4, "retrieval.done", {
      agent: "requirements",
      attempt: 2,
      query: "A bookstore API with books (title, author, price: float) as spec.md describes",
      hits: [
        { source: "document", label: "spec.md", location: "page 1, characters 0–1200", score: 0.82 },
        { source: "document", label: "spec.md", location: "page 2, characters 1000–2200", score: 0.74 },
        { source: "knowledge", label: "Security checklist — injection", location: "", score: 0.61 },
        { source: "knowledge", label: "REST conventions — pagination", location: "", score: 0.48 },
      ],
    }),
    ev(5, "artifact.charter", { planner: "model", entities: 2, projectName: "bookstore-api" }),
    ev(6, "stage.completed", { stage: "REQUIREMENTS", round: 0, elapsedMs: 2100 }),
    ev(7, "stage.started", { stage: "ARCHITECTURE", round: 0 }),
    ev(8, "retrieval.done", {
      agent: "architecture",
      query: "bookstore-api: books, reviews",
      hits: [{ source: "knowledge", label: "FastAPI layout — routers", location: "", score: 0.77 }],
    }),
    ev(9, "stage.completed", { stage: "ARCHITECTURE", round: 0, elapsedMs: 1800 }),
    ev(10, "stage.started", { stage: "IMPLEMENTATION", round: 0 }),
    ev(11, "code.file", { mode: "CREATE", path: "app/models.py", bytes: 2418, round: 0 }),
    ev(12, "code.bundle", { version: 1, files: 1, bundleId: "b-1" }),
    ev(13, "stage.completed", { stage: "IMPLEMENTATION", round: 0, elapsedMs: 9000 }),
    ev(14, "retrieval.indexed", { bundleId: "b-1", version: 1, chunks: 41 }),
    ev(15, "stage.started", { stage: "REVIEW", round: 1 }),
    ev(16, "retrieval.done", {
      agent: "reviewer",
      query: "input validation of prices",
      hits: [
        { source: "code", label: "app/models.py", location: "lines 10–24", score: 0.71 },
        { source: "knowledge", label: "Security checklist — injection", location: "", score: 0.55 },
      ],
    }),
  ];
}

import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { afterEach, vi } from "vitest";
import type { AskAnswer, RunDetail } from "../lib/types";
import { fakeServer, problem, type Route as FakeRoute } from "../test/fakeServer";
import { CodeView } from "./CodeView";

afterEach(() => vi.unstubAllGlobals());

const run = {
  id: "r1",
  projectId: "p1",
  status: "SUCCEEDED",
  prompt: "A bookstore API",
  state: { stage: "DONE", round: 1, bundleVersion: 2, tokens: 0, costUsd: 0, budgetTokens: 0, budgetUsd: 0, awaiting: "NOTHING" },
} as RunDetail;

const MODELS = [
  "from pydantic import BaseModel, Field, field_validator",
  "from sqlalchemy import Column, Float, Integer, String",
  "",
  "from app.database import Base",
  "",
  "",
  "class Book(Base):",
  '    __tablename__ = "books"',
  "",
  "class BookIn(BaseModel):",
  "    title: str = Field(min_length=1)",
  "    author: str = Field(min_length=1)",
  "    price: float",
  "",
  '    @field_validator("price")',
  "    @classmethod",
  "    def price_is_positive(cls, value: float) -> float:",
  "        if value <= 0:",
  '            raise ValueError("price must be positive")',
  "        return value",
  "",
  "    def describe(self) -> str:",
  '        return f"{self.title} by {self.author}"',
  "",
  "",
  "class Review(Base):",
  '    __tablename__ = "reviews"',
].join("\n");

const MAIN = 'from fastapi import FastAPI\n\nfrom app.routers import books\n\napp = FastAPI(title="bookstore-api")\napp.include_router(books.router)\n';

function codeRoutes(): Record<string, FakeRoute> {
  const version = (v: number) => ({ version: v, bundleId: `b-${v}`, fileCount: 2, createdAt: "2026-12-06T09:00:00Z", files: "" });
  const files = (v: number) => () => ({
    status: 200,
    body: {
      version: v,
      bundleId: `b-${v}`,
      files: [
        { path: "app/main.py", size: MAIN.length, sha256: "a" },
        { path: "app/models.py", size: MODELS.length, sha256: "b" },
      ],
    },
  });
  return {
    "GET /api/runs/r1/versions": () => ({ status: 200, body: { items: [version(1), version(2)] } }),
    "GET /api/runs/r1/versions/1/files": files(1),
    "GET /api/runs/r1/versions/2/files": files(2),
    "GET /api/runs/r1/versions/{v}/files/app/main.py": () => ({ status: 200, body: MAIN }),
    "GET /api/runs/r1/versions/{v}/files/app/models.py": () => ({ status: 200, body: MODELS }),
  };
}

const snippet = (from: number, to: number) => MODELS.split("\n").slice(from - 1, to).join("\n");

const offline: AskAnswer = {
  question: "where is the price validated?",
  planner: "offline",
  answer: null,
  runId: "r1",
  bundleId: "b-2",
  version: 2,
  sources: [
    { path: "app/models.py", startLine: 10, endLine: 24, score: 0.71, text: snippet(10, 24) },
    { path: "app/main.py", startLine: 1, endLine: 6, score: 0.42, text: MAIN },
  ],
};

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

function show(entry = "/runs/r1/code") {
  render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>
        <Route path="/runs/:runId/code" element={<><CodeView run={run} /><Where /></>} />
      </Routes>
    </MemoryRouter>,
  );
}

async function ask(question: string) {
  const user = userEvent.setup();
  await screen.findByTestId("file-viewer");
  const box = screen.getByLabelText(/Question/);
  expect(box).toHaveAttribute("maxLength", "2000");
  await user.type(box, question);
  await user.click(screen.getByRole("button", { name: "Ask" }));
  return user;
}

describe("Ask about this code", () => {
  it("offline, lists the passages that match best; a source opens its file with its lines marked", async () => {
    const server = fakeServer({ ...codeRoutes(), "POST /api/projects/p1/ask": () => ({ status: 200, body: offline }) });
    show();
    const user = await ask("where is the price validated?");

    const answer = await screen.findByTestId("ask-answer");
    expect(answer).toHaveTextContent("No model configured — the passages that match best:");
    const post = server.calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/projects/p1/ask");
    expect(post.body).toEqual({ question: "where is the price validated?", runId: "r1", version: 2 });
    expect(post.headers["X-XSRF-TOKEN"]).toBe("csrf-1");

    const sources = within(screen.getByTestId("ask-sources")).getAllByRole("button");
    expect(sources.map((b) => b.textContent)).toEqual(["app/models.py:10–24 (0.71)", "app/main.py:1–6 (0.42)"]);
    // each snippet highlighted as its file is, numbered from its first line
    const first = screen.getByTestId("ask-sources").querySelector("li")!;
    expect(first.querySelector(".snippet td.ln")).toHaveTextContent("10");
    expect(first.querySelector(".snippet .hljs-keyword")).not.toBeNull();
    expect(first.querySelector(".snippet")).toHaveTextContent('raise ValueError("price must be positive")');

    expect(within(screen.getByTestId("file-viewer")).getByText("app/main.py")).toBeInTheDocument();
    await user.click(sources[0]);
    const viewer = await screen.findByTestId("file-viewer");
    await waitFor(() => expect(within(viewer).getByRole("heading")).toHaveTextContent("app/models.py v2 · lines 10–24"));
    await waitFor(() => expect(viewer.querySelectorAll("tr.marked")).toHaveLength(15));
    expect(viewer.querySelector("#L10")).toHaveClass("marked");
    expect(viewer.querySelector("#L24")).toHaveClass("marked");
    expect(viewer.querySelector("#L9")).not.toHaveClass("marked");
    expect(viewer.querySelector("#L25")).not.toHaveClass("marked");
    const where = new URLSearchParams(screen.getByTestId("where").textContent!);
    expect(Object.fromEntries(where)).toEqual({ v: "2", file: "app/models.py", line: "10", end: "24" });
    expect(screen.getByRole("button", { name: "app/models.py:10–24 (0.71)" })).toHaveAttribute("aria-current", "true");
    // the answer stays while its sources are looked at
    expect(screen.getByTestId("ask-answer")).toBeInTheDocument();
  });

  it("renders a model's answer as sanitized markdown, for the version being viewed, with its sources", async () => {
    const server = fakeServer({
      ...codeRoutes(),
      "POST /api/projects/p1/ask": () => ({
        status: 200,
        body: {
          ...offline,
          planner: "model",
          version: 1,
          bundleId: "b-1",
          answer:
            "The price is checked by `BookIn.price_is_positive` (app/models.py:10-24): a price of **0 or less** is refused.<img src=x onerror=alert(1)>",
          sources: [offline.sources[0]],
        },
      }),
    });
    show("/runs/r1/code?v=1");
    await ask("where is the price validated?");
    const answer = await screen.findByTestId("ask-answer");
    expect(server.calls.find((c) => c.method === "POST")!.body).toEqual({ question: "where is the price validated?", runId: "r1", version: 1 });
    expect(answer.querySelector(".markdown code")).toHaveTextContent("BookIn.price_is_positive");
    expect(answer.querySelector(".markdown strong")).toHaveTextContent("0 or less");
    expect(answer.querySelector("[onerror]")).toBeNull();
    expect(answer).not.toHaveTextContent("No model configured");
    expect(within(answer).getByRole("heading", { name: "Sources" })).toBeInTheDocument();
    expect(within(answer).getByRole("button", { name: "app/models.py:10–24 (0.71)" })).toBeInTheDocument();
  });

  it("shows the server's refusal: no code yet (409), a question too long (400)", async () => {
    let refusal = problem(409, "Conflict", "The project has no generated code yet: run it first");
    fakeServer({ ...codeRoutes(), "POST /api/projects/p1/ask": () => refusal });
    show();
    const user = await ask("where is the price validated?");
    expect(await screen.findByRole("alert")).toHaveTextContent("The project has no generated code yet: run it first");
    expect(screen.queryByTestId("ask-answer")).toBeNull();

    refusal = problem(400, "Bad Request", "A question is at most 2,000 characters");
    await user.click(screen.getByRole("button", { name: "Ask" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("A question is at most 2,000 characters"));
  });

  it("asks nothing for a blank question", async () => {
    const server = fakeServer(codeRoutes());
    show();
    await screen.findByTestId("file-viewer");
    await userEvent.setup().type(screen.getByLabelText(/Question/), "   ");
    expect(screen.getByRole("button", { name: "Ask" })).toBeDisabled();
    expect(server.calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });
});

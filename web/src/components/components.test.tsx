import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { afterEach, vi } from "vitest";
import { NewRunForm } from "../pages/Project";
import { SessionProvider } from "../lib/session";
import { ApprovalPanel, BudgetPanel } from "./Steering";
import { LiveView } from "./LiveView";
import { fakeServer } from "../test/fakeServer";
import { journal } from "../test/journal";
import type { RunDetail } from "../lib/types";

afterEach(() => vi.unstubAllGlobals());

const signedIn = {
  "GET /api/me": () => ({ status: 200, body: { id: "u1", username: "ann", email: "a@x", createdAt: "2026-01-01T00:00:00Z" } }),
  "GET /api/server": () => ({ status: 200, body: { offlinePlanner: true, planner: "offline", sandbox: "base image x", temporal: "dev", namespace: "default" } }),
};

describe("NewRunForm", () => {
  it("starts a run with the chosen options, the CSRF header and one idempotency key for the form", async () => {
    const server = fakeServer({
      ...signedIn,
      "POST /api/projects/p1/runs": (call) =>
        call.headers["Idempotency-Key"] ? { status: 202, body: { id: "r1", status: "QUEUED" } } : { status: 400 },
    });
    const started = vi.fn();
    render(
      <MemoryRouter>
        <SessionProvider>
          <NewRunForm projectId="p1" onStarted={started} />
        </SessionProvider>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Describe the service"), "notes (title, body)");
    await user.click(screen.getByLabelText("Ask me to approve the plan"));
    await user.selectOptions(screen.getByLabelText("Sandbox"), "check");
    await user.click(screen.getByRole("button", { name: "Start run" }));

    await waitFor(() => expect(started).toHaveBeenCalledWith({ id: "r1", status: "QUEUED" }));
    const post = server.calls.find((c) => c.method === "POST")!;
    expect(post.body).toEqual({ prompt: "notes (title, body)", approvalGate: false, maxReviewRounds: 3, budgetTokens: 0, budgetUsd: 0, sandbox: "check" });
    expect(post.headers["X-XSRF-TOKEN"]).toBe("csrf-1");
    expect(post.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    fakeServer({
      ...signedIn,
      "POST /api/projects/p1/runs": () => ({ status: 429, body: { status: 429, title: "Too Many Requests", detail: "At most 10 runs a minute; try again in 12 s" } }),
    });
    render(
      <MemoryRouter>
        <SessionProvider>
          <NewRunForm projectId="p1" onStarted={() => {}} />
        </SessionProvider>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Describe the service"), "notes (title)");
    await user.click(screen.getByRole("button", { name: "Start run" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("At most 10 runs a minute; try again in 12 s");
    expect(screen.getByLabelText("Describe the service")).toHaveValue("notes (title)");
  });
});

describe("ApprovalPanel", () => {
  it("approves, and asks for changes with the feedback", async () => {
    const server = fakeServer({
      "POST /api/runs/r1/approve": () => ({ status: 200, body: {} }),
      "POST /api/runs/r1/request-changes": () => ({ status: 200, body: {} }),
    });
    const decided = vi.fn();
    render(
      <MemoryRouter>
        <ApprovalPanel runId="r1" onDecided={decided} />
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole("button", { name: "Request changes" })).toBeDisabled();
    await user.type(screen.getByLabelText("What to change"), "add tags (name)");
    await user.click(screen.getByRole("button", { name: "Request changes" }));
    await waitFor(() => expect(decided).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole("button", { name: "Approve plan" }));
    await waitFor(() => expect(decided).toHaveBeenCalledTimes(2));
    expect(server.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /api/runs/r1/request-changes", "POST /api/runs/r1/approve"]);
    expect(server.calls[0].body).toEqual({ feedback: "add tags (name)" });
  });

  it("says so when the run no longer waits", async () => {
    fakeServer({
      "POST /api/runs/r1/approve": () => ({ status: 409, body: { status: 409, title: "Conflict", detail: "The run is not waiting for a plan decision" } }),
    });
    render(
      <MemoryRouter>
        <ApprovalPanel runId="r1" onDecided={() => {}} />
      </MemoryRouter>,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Approve plan" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not waiting for a plan decision");
  });
});

describe("LiveView", () => {
  it("shows the timeline, the files and every event of the feed in order", () => {
    const events = journal();
    const run = { id: "r1", status: "SUCCEEDED" } as RunDetail;
    render(
      <MemoryRouter>
        <LiveView run={run} feed={{ events, connection: "ended" }} />
      </MemoryRouter>,
    );
    const items = screen.getByTestId("feed").querySelectorAll("li");
    expect([...items].map((li) => Number(li.dataset.seq))).toEqual(events.map((e) => e.seq));
    expect(screen.getByTestId("timeline").querySelectorAll("li")).toHaveLength(7);
    expect(screen.getByRole("heading", { name: /Implementer/ })).toHaveTextContent("15/15 files");
    expect(screen.getByTestId("connection")).toHaveTextContent("the run has ended");
  });
});

describe("BudgetPanel", () => {
  const paused = {
    id: "r1",
    status: "PAUSED_BUDGET",
    state: { stage: "IMPLEMENTATION", round: 0, bundleVersion: 0, tokens: 12_000, costUsd: 0.5, budgetTokens: 10_000, budgetUsd: 0, awaiting: "BUDGET" },
  } as RunDetail;

  it("raises the token budget and leaves the unset dollar budget unset", async () => {
    const server = fakeServer({ "POST /api/runs/r1/budget": () => ({ status: 200, body: {} }) });
    const decided = vi.fn();
    render(<BudgetPanel run={paused} onDecided={decided} />);
    const user = userEvent.setup();
    const tokens = screen.getByLabelText("New token budget");
    await user.clear(tokens);
    await user.type(tokens, "50000");
    await user.click(screen.getByRole("button", { name: "Raise and go on" }));
    await waitFor(() => expect(decided).toHaveBeenCalled());
    expect(server.calls[0].body).toEqual({ stop: false, budgetTokens: 50000, budgetUsd: 0 });
    expect(screen.queryByLabelText("New USD budget")).toBeNull();
  });

  it("stops the run at its budget", async () => {
    const server = fakeServer({ "POST /api/runs/r1/budget": () => ({ status: 200, body: {} }) });
    render(<BudgetPanel run={paused} onDecided={() => {}} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Stop here" }));
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0].body).toEqual({ stop: true });
  });
});

describe("resultLine", () => {
  it("says how a run ended, whichever end it was", async () => {
    const { resultLine } = await import("../pages/Run");
    const run = (status: string, result: unknown) => ({ id: "r", status, result }) as unknown as RunDetail;
    expect(resultLine(run("SUCCEEDED", { outcome: "APPROVED", verdict: "approved in review round 1" }))).toBe(
      "approved: approved in review round 1",
    );
    expect(resultLine(run("FAILED", { stage: "CHECKS", round: 1, type: "X", message: "the image did not build" }))).toBe(
      "failed in Checks: the image did not build",
    );
    expect(resultLine(run("CANCELLED", { stage: "APPROVAL", round: 0 }))).toBe("cancelled");
    expect(resultLine(run("RUNNING", null))).toBeNull();
  });
});

import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { afterEach, vi } from "vitest";
import { NewRunForm } from "../pages/Project";
import { SessionProvider } from "../lib/session";
import { ApprovalPanel, BudgetPanel } from "./Steering";
import { LiveView } from "./LiveView";
import { fakeServer } from "../test/fakeServer";
import { signedIn as signedInUser } from "../test/app";
import { journal } from "../test/journal";
import { retrievalJournal } from "../test/retrieval";
import { within } from "@testing-library/react";
import type { RunDetail } from "../lib/types";

afterEach(() => vi.unstubAllGlobals());

const signedIn = signedInUser(true);

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

describe("LiveView, retrieval", () => {
  const run = { id: "r1", status: "RUNNING" } as RunDetail;
  const show = (events = retrievalJournal()) =>
    render(
      <MemoryRouter>
        <LiveView run={run} feed={{ events, connection: "live" }} />
      </MemoryRouter>,
    );

  it("reads each retrieval in the feed, with its passages and scores", () => {
    show();
    const feed = screen.getByTestId("feed");
    const line = (type: string) => [...feed.querySelectorAll(`li[data-type='${type}']`)].map((li) => li.querySelector(".text")?.textContent);
    expect(line("retrieval.done")).toEqual([
      "Requirements retrieved 4 passages — spec.md page 1 (0.82), spec.md page 2 (0.74), Security checklist — injection (0.61), and 1 more",
      "Architecture retrieved 1 passage — FastAPI layout — routers (0.77)",
      "Reviewer retrieved 2 passages — app/models.py lines 10–24 (0.71), Security checklist — injection (0.55)",
    ]);
    expect(line("retrieval.indexed")).toEqual(["Version 1 indexed for questions (41 passages)"]);
    const unavailable = feed.querySelector("li[data-type='retrieval.unavailable']")!;
    expect(unavailable).toHaveClass("ev-warning");
    expect(unavailable).toHaveTextContent("Requirements waits for the vector store: Chroma at http://127.0.0.1:8000 is not answering");
    // the store answered again (seq 4): no wait shown any more
    expect(screen.queryByTestId("retrieval-waiting")).toBeNull();
  });

  it("lists per agent what was retrieved: source, label, location and score; code hits link to their lines", () => {
    show();
    const context = screen.getByTestId("context");
    const agents = [...context.querySelectorAll("details")].map((d) => d.dataset.agent);
    expect(agents).toEqual(["requirements", "architecture", "reviewer"]);

    const requirements = context.querySelector("details[data-agent=requirements]") as HTMLElement;
    expect(requirements.querySelector("summary")).toHaveTextContent("Requirements 4 passages");
    expect(requirements).toHaveTextContent("Requirements (attempt 2) · “A bookstore API with books (title, author, price: float) as spec.md describes”");
    const hits = within(requirements).getAllByRole("listitem");
    expect(hits.map((li) => li.textContent)).toEqual([
      "document spec.md · page 1, characters 0–1200 0.82",
      "document spec.md · page 2, characters 1000–2200 0.74",
      "knowledge Security checklist — injection 0.61",
      "knowledge REST conventions — pagination 0.48",
    ]);

    const reviewer = context.querySelector("details[data-agent=reviewer]") as HTMLElement;
    expect(reviewer).toHaveTextContent("Review round 1");
    const code = within(reviewer).getByRole("link", { name: "app/models.py" });
    expect(code).toHaveAttribute("href", "/runs/r1/code?v=1&file=app%2Fmodels.py&line=10&end=24");
    expect(within(context).getByTestId("indexed")).toHaveTextContent("Indexed for questions: v1 (41 passages)");
  });

  it("says the run waits while the vector store does not answer — a warning, not an end", () => {
    show(retrievalJournal().slice(0, 3));
    const wait = screen.getByTestId("retrieval-waiting");
    expect(wait).toHaveAttribute("role", "status");
    expect(wait).toHaveTextContent(
      "Waiting for the vector store. Requirements cannot retrieve its context yet: Chroma at http://127.0.0.1:8000 is not answering: Connection refused; retrying.",
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByTestId("context")).toBeNull();
    expect(screen.getByTestId("timeline").querySelector("li")).toHaveClass("span-running");
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

import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, vi } from "vitest";
import { fakeServer, problem } from "../test/fakeServer";
import { renderAt, signedIn as signedInUser } from "../test/app";
import type { AuditEvent } from "../lib/types";

afterEach(() => vi.unstubAllGlobals());

const signedIn = signedInUser();

function event(id: string, action: string, more: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    occurredAt: "2026-12-06T09:00:00Z",
    action,
    you: true,
    subjectType: "run",
    subjectId: `run-${id}-0000`,
    projectId: "p1",
    subjectFound: true,
    detail: {},
    clientAddress: "127.0.0.1",
    ...more,
  };
}

describe("ActivityPage", () => {
  it("is in the main navigation and lists the trail in plain words, linking what still exists", async () => {
    fakeServer({
      ...signedIn,
      "GET /api/projects?limit=200": () => ({ status: 200, body: { items: [] } }),
      "GET /api/audit?limit=25": () => ({
        status: 200,
        body: {
          items: [
            event("3", "run.created", { detail: { prompt: "books (title)" } }),
            event("2", "project.deleted", { subjectType: "project", subjectId: "p9", projectId: "p9", subjectFound: false, detail: { name: "Old shop" } }),
            event("1", "session.refused", { subjectType: "user", subjectId: "u1", projectId: null, subjectFound: false, detail: { login: "ann" }, clientAddress: "10.0.0.7" }),
          ],
        },
      }),
    });
    renderAt("/");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("link", { name: "Activity" }));

    const table = await screen.findByTestId("activity");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("run created");
    expect(rows[0]).toHaveTextContent("prompt: books (title)");
    expect(within(rows[0]).getByRole("link", { name: "run run-3-00" })).toHaveAttribute("href", "/runs/run-3-0000");
    expect(rows[1]).toHaveTextContent("project deleted");
    expect(rows[1]).toHaveTextContent("name: Old shop");
    expect(within(rows[1]).queryByRole("link")).toBeNull();
    expect(rows[2]).toHaveTextContent("sign-in refused");
    expect(rows[2]).toHaveTextContent("from 10.0.0.7");
    expect(screen.queryByRole("button", { name: "Older" })).toBeNull();
  });

  it("reads older events page by page with the cursor the server gave", async () => {
    const server = fakeServer({
      ...signedIn,
      "GET /api/audit?limit=25": () => ({ status: 200, body: { items: [event("9", "run.cancelled")], next: "9" } }),
      "GET /api/audit?limit=25&before=9": () => ({ status: 200, body: { items: [event("4", "token.created", { subjectType: "token", subjectId: "t1", projectId: null })] } }),
    });
    renderAt("/activity");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Older" }));

    const table = screen.getByTestId("activity");
    expect(await within(table).findByText("API token created")).toBeInTheDocument();
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => (row as HTMLTableRowElement).cells[1].textContent)).toEqual(["run cancelled", "API token created"]);
    expect(screen.getByRole("link", { name: "token t1" })).toHaveAttribute("href", "/tokens");
    expect(screen.queryByRole("button", { name: "Older" })).toBeNull();
    expect(server.calls.map((c) => c.url)).toContain("/api/audit?limit=25&before=9");
  });

  it("filters by action and shows the server's refusal", async () => {
    const server = fakeServer({
      ...signedIn,
      "GET /api/audit?limit=25": () => ({ status: 200, body: { items: [] } }),
      "GET /api/audit?limit=25&action=run.approved": () => problem(400, "Bad Request", "action: must be one of …"),
    });
    renderAt("/activity");
    expect(await screen.findByText("Nothing yet.")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Show"), "run.approved");

    expect(await screen.findByRole("alert")).toHaveTextContent("action: must be one of …");
    expect(server.calls.map((c) => c.url)).toContain("/api/audit?limit=25&action=run.approved");
  });
});

import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, vi } from "vitest";
import { fakeServer, problem } from "../test/fakeServer";
import { renderAt, signedIn as signedInUser } from "../test/app";
import type { DeploymentItem } from "../lib/types";

afterEach(() => vi.unstubAllGlobals());

const signedIn = {
  ...signedInUser(),
  "GET /api/projects?limit=200": () => ({ status: 200, body: { items: [] } }),
};

function service(runId: string, more: Partial<DeploymentItem> = {}): DeploymentItem {
  return {
    runId,
    state: "healthy",
    url: "http://127.0.0.1:40001",
    bundleId: "b1",
    expiresAt: "2026-12-06T12:00:00Z",
    proxy: `/api/runs/${runId}/deployment/proxy/`,
    logs: `/api/runs/${runId}/deployment/logs`,
    projectId: "p1",
    project: "Shop",
    service: "bookshop-api",
    ...more,
  };
}

describe("ServicesPage", () => {
  it("is in the main navigation and lists the caller's services with their run, project and proxy", async () => {
    fakeServer({
      ...signedIn,
      "GET /api/deployments": () => ({
        status: 200,
        body: { items: [service("run-2"), service("run-1", { projectId: null, project: null, service: null, state: "failed: unhealthy" })] },
      }),
    });
    renderAt("/");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("link", { name: "Services" }));

    const table = await screen.findByTestId("services");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole("link", { name: "bookshop-api" })).toHaveAttribute("href", "/runs/run-2/deployment");
    expect(within(rows[0]).getByRole("link", { name: "Shop" })).toHaveAttribute("href", "/projects/p1");
    expect(rows[0]).toHaveTextContent("healthy");
    expect(rows[0]).toHaveTextContent("/api/runs/run-2/deployment/proxy/");
    expect(within(rows[1]).getByRole("link", { name: "run-1" })).toHaveAttribute("href", "/runs/run-1/deployment");
    expect(rows[1]).toHaveTextContent("failed: unhealthy");
    expect(within(rows[1]).queryByRole("link", { name: "Shop" })).toBeNull();
  });

  it("stops a service once confirmed and shows what is left", async () => {
    let running = [service("run-2"), service("run-1", { service: "notes-api" })];
    const server = fakeServer({
      ...signedIn,
      "GET /api/deployments": () => ({ status: 200, body: { items: running } }),
      "DELETE /api/runs/{id}/deployment": (call) => {
        running = running.filter((s) => s.runId !== call.params.id);
        return { status: 204 };
      },
    });
    const confirm = vi.fn(() => true);
    vi.stubGlobal("confirm", confirm);
    renderAt("/services");
    const user = userEvent.setup();
    const table = await screen.findByTestId("services");
    const notes = within(table).getByRole("link", { name: "notes-api" }).closest("tr") as HTMLElement;
    await user.click(within(notes).getByRole("button", { name: "Stop" }));

    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("notes-api"));
    await vi.waitFor(() => expect(within(screen.getByTestId("services")).queryByRole("link", { name: "notes-api" })).toBeNull());
    expect(within(screen.getByTestId("services")).getByRole("link", { name: "bookshop-api" })).toBeInTheDocument();
    expect(server.calls.filter((c) => c.method === "DELETE").map((c) => c.url)).toEqual(["/api/runs/run-1/deployment"]);
  });

  it("says when nothing runs", async () => {
    fakeServer({ ...signedIn, "GET /api/deployments": () => ({ status: 200, body: { items: [] } }) });
    renderAt("/services");
    expect(await screen.findByText(/No services running/)).toBeInTheDocument();
  });

  it("shows the server's refusal in words", async () => {
    fakeServer({ ...signedIn, "GET /api/deployments": () => problem(503, "Service Unavailable", "the database does not answer") });
    renderAt("/services");
    expect(await screen.findByRole("alert")).toHaveTextContent("the database does not answer");
  });
});

import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, vi } from "vitest";
import type { Webhook, WebhookDelivery } from "../lib/types";
import { fakeServer, problem } from "../test/fakeServer";
import { attemptState, WebhooksSection } from "./Webhooks";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const base = "/api/projects/p1/webhooks";
const existing: Webhook = {
  id: "wh_1",
  url: "https://hooks.example.com/old",
  createdAt: "2026-12-05T09:00:00Z",
  deliveries: `${base}/wh_1/deliveries`,
};
const retried: WebhookDelivery[] = [
  { deliveryId: "dlv_1", runId: "run-7", event: "run.finished", attempt: 2, statusCode: 204, error: null, responseMillis: 12, deliveredAt: "2026-12-06T09:00:04Z", failedAt: null, last: true },
  { deliveryId: "dlv_1", runId: "run-7", event: "run.finished", attempt: 1, statusCode: 503, error: null, responseMillis: 40, deliveredAt: null, failedAt: "2026-12-06T09:00:00Z", last: false },
];

describe("WebhooksSection", () => {
  it("adds a webhook and shows its secret once; the list never carries it", async () => {
    const server = fakeServer({
      [`GET ${base}`]: () => ({ status: 200, body: { items: [existing] } }),
      [`POST ${base}`]: (call) => ({
        status: 201,
        body: { id: "wh_2", url: (call.body as { url: string }).url, createdAt: "2026-12-06T10:00:00Z", deliveries: `${base}/wh_2/deliveries`, secret: "whsec_s3cret" },
      }),
    });
    render(<WebhooksSection projectId="p1" />);
    await screen.findByText("https://hooks.example.com/old");

    await userEvent.type(screen.getByLabelText("URL"), "https://hooks.example.com/new");
    await userEvent.click(screen.getByRole("button", { name: "Add webhook" }));

    expect(await screen.findByTestId("webhook-secret")).toHaveTextContent("whsec_s3cret");
    const items = within(screen.getByTestId("webhook-list")).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("https://hooks.example.com/new");
    expect(items[0]).not.toHaveTextContent("whsec_");
    expect(server.calls.find((c) => c.method === "POST")?.body).toEqual({ url: "https://hooks.example.com/new" });
  });

  it("says why the server refused a URL, and adds nothing", async () => {
    fakeServer({
      [`GET ${base}`]: () => ({ status: 200, body: { items: [] } }),
      [`POST ${base}`]: () =>
        problem(400, "Bad Request", "url http://10.0.0.1/ cannot be a webhook: 10.0.0.1 is a loopback, private, link-local or multicast address"),
    });
    render(<WebhooksSection projectId="p1" />);
    await screen.findByText("No webhooks.");

    await userEvent.type(screen.getByLabelText("URL"), "http://10.0.0.1/");
    await userEvent.click(screen.getByRole("button", { name: "Add webhook" }));

    expect(await screen.findByTestId("webhook-refusal")).toHaveTextContent("private, link-local or multicast");
    expect(screen.queryByTestId("webhook-secret")).toBeNull();
    expect(screen.getByText("No webhooks.")).toBeInTheDocument();
  });

  it("shows a webhook's attempts and removes it", async () => {
    vi.spyOn(window, "confirm").mockReturnValue(true);
    const server = fakeServer({
      [`GET ${base}`]: () => ({ status: 200, body: { items: [existing] } }),
      [`GET ${base}/wh_1/deliveries?limit=20`]: () => ({ status: 200, body: { items: retried, limit: 20 } }),
      [`DELETE ${base}/{id}`]: () => ({ status: 204 }),
    });
    render(<WebhooksSection projectId="p1" />);
    await screen.findByText("https://hooks.example.com/old");

    await userEvent.click(screen.getByRole("button", { name: "Deliveries" }));
    const attempts = within(await screen.findByTestId("deliveries-wh_1")).getAllByRole("listitem");
    expect(attempts[0]).toHaveTextContent("attempt 2: delivered (HTTP 204)");
    expect(attempts[1]).toHaveTextContent("attempt 1: failed, will retry (HTTP 503)");

    await userEvent.click(screen.getByRole("button", { name: "Remove https://hooks.example.com/old" }));
    await waitFor(() => expect(screen.getByText("No webhooks.")).toBeInTheDocument());
    expect(server.calls.some((c) => c.method === "DELETE" && c.url === `${base}/wh_1`)).toBe(true);
  });

  it("names an attempt that failed for good without a status by its error", () => {
    expect(attemptState({ ...retried[1], statusCode: null, error: "no answer: connect timed out", last: true })).toBe(
      "failed (no answer: connect timed out)",
    );
  });
});

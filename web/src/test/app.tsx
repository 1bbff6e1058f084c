import { render } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { App } from "../App";
import { SessionProvider } from "../lib/session";
import type { Route } from "./fakeServer";

/** The fake server's answers for a signed-in user "ann", with or without a model configured. */
export function signedIn(offline = false): Record<string, Route> {
  return {
    "GET /api/me": () => ({ status: 200, body: { id: "u1", username: "ann", email: "a@x", createdAt: "2026-01-01T00:00:00Z" } }),
    "GET /api/server": () => ({
      status: 200,
      body: offline
        ? { offlinePlanner: true, planner: "offline", sandbox: "base image x", temporal: "dev", namespace: "default" }
        : { offlinePlanner: false, planner: "model", sandbox: "x", temporal: "dev", namespace: "default" },
    }),
  };
}

/** The whole app at `path`, as a browser opening that address. */
export function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </MemoryRouter>,
  );
}

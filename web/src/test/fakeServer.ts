import { vi } from "vitest";

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A fake of the gateway for component tests: answers fetch from a table of routes and records
 * every call. Not the real server; the browser test in e2e/ runs against that.
 */
export function fakeServer(routes: Record<string, (call: Call) => { status: number; body?: unknown }>) {
  const calls: Call[] = [];
  document.cookie = "XSRF-TOKEN=csrf-1";
  const fetchFake = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? "GET",
      url: String(input),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.url}`];
    const answer = route ? route(call) : { status: 404, body: { status: 404, title: "Not Found", detail: `no route ${call.url}` } };
    const json = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(json, {
      status: answer.status,
      headers: json ? { "Content-Type": answer.status >= 400 ? "application/problem+json" : "application/json" } : {},
    });
  });
  vi.stubGlobal("fetch", fetchFake);
  return { calls };
}

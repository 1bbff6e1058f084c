import { vi } from "vitest";
import type { ProjectDocument } from "../lib/types";

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** a JSON body parsed, or a multipart body as the FormData the page sent */
  body: unknown;
  /** the values of a route's {placeholders} */
  params: Record<string, string>;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export type Route = (call: Call) => Answer | Promise<Answer>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
}

/** The route for a call: its exact `METHOD url`, else one whose {placeholders} match one segment each. */
function routeFor(routes: Record<string, Route>, key: string): { route: Route; params: Record<string, string> } | null {
  if (routes[key]) return { route: routes[key], params: {} };
  for (const [pattern, route] of Object.entries(routes)) {
    if (!pattern.includes("{")) continue;
    const names: string[] = [];
    const source = pattern
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part);
        if (!name) return escapeRegExp(part);
        names.push(name[1]);
        return "([^/?]+)";
      })
      .join("");
    const match = new RegExp(`^${source}$`).exec(key);
    if (match) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) };
  }
  return null;
}

/**
 * A fake of the gateway for component tests: answers fetch from a table of routes and records
 * every call. Not the real server; the browser test in e2e/ runs against that.
 */
export function fakeServer(routes: Record<string, Route>) {
  const calls: Call[] = [];
  document.cookie = "XSRF-TOKEN=csrf-1";
  const fetchFake = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    const url = String(input);
    const found = routeFor(routes, `${method} ${url}`);
    const call: Call = {
      method,
      url,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: init.body instanceof FormData ? init.body : init.body ? JSON.parse(String(init.body)) : undefined,
      params: found?.params ?? {},
    };
    calls.push(call);
    const answer = found
      ? await found.route(call)
      : { status: 404, body: { status: 404, title: "Not Found", detail: `no route ${call.url}` } };
    const json = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(json, {
      status: answer.status,
      headers: json ? { "Content-Type": answer.status >= 400 ? "application/problem+json" : "application/json" } : {},
    });
  });
  vi.stubGlobal("fetch", fetchFake);
  return { calls };
}

export function problem(status: number, title: string, detail: string): Answer {
  return { status, body: { type: "about:blank", status, title, detail } };
}

const MEDIA_TYPES: Record<string, string> = {
  txt: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  pdf: "application/pdf",
};

/**
 * The documents routes of one project, as the contract says: a list newest first, a multipart
 * upload of one part named `file` (201, or the server's refusals: 400 empty, 413 above 5 MiB,
 * 415 another type), and delete (204).
 */
export function documentRoutes(projectId: string, initial: ProjectDocument[] = []) {
  const documents = [...initial];
  let next = documents.length + 1;
  const base = `/api/projects/${projectId}/documents`;
  const routes: Record<string, Route> = {
    [`GET ${base}`]: () => ({ status: 200, body: { items: documents } }),
    [`POST ${base}`]: async (call) => {
      const file = call.body instanceof FormData ? call.body.get("file") : null;
      if (!(file instanceof File)) return problem(400, "Bad Request", "No part named file");
      const extension = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
      const mediaType = MEDIA_TYPES[extension];
      if (!mediaType) return problem(415, "Unsupported Media Type", `${file.name}: only .txt, .md and .pdf documents are read`);
      if (file.size === 0) return problem(400, "Bad Request", `${file.name} is empty`);
      if (file.size > 5 * 1024 * 1024) return problem(413, "Payload Too Large", "A document may be at most 5 MiB");
      const text = await file.text();
      const document: ProjectDocument = {
        id: `doc_${next++}`,
        name: file.name,
        mediaType,
        bytes: file.size,
        pages: mediaType === "application/pdf" ? 1 : null,
        chars: text.length,
        chunks: Math.max(1, Math.ceil(text.length / 1000)),
        createdAt: "2026-12-06T09:00:00Z",
      };
      documents.unshift(document);
      return { status: 201, body: document };
    },
    [`DELETE ${base}/{documentId}`]: (call) => {
      const at = documents.findIndex((d) => d.id === call.params.documentId);
      if (at < 0) return problem(404, "Not Found", "No such document");
      documents.splice(at, 1);
      return { status: 204 };
    },
  };
  return { routes, documents };
}

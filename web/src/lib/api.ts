import type { Problem } from "./types";

/** A refusal or failure of the API, with its RFC 9457 problem when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }
}

const CSRF_COOKIE = "XSRF-TOKEN";
export const CSRF_HEADER = "X-XSRF-TOKEN";

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** Makes sure the double-submit CSRF cookie exists before a state-changing request. */
export async function csrfToken(): Promise<string | undefined> {
  let token = cookie(CSRF_COOKIE);
  if (!token) {
    await fetch("/api/auth/csrf", { credentials: "same-origin" });
    token = cookie(CSRF_COOKIE);
  }
  return token;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const body = await response.json();
      return { status: response.status, ...body };
    } catch {
      // fall through to a plain problem
    }
  }
  return {
    status: response.status,
    title: response.statusText || "Request failed",
    detail:
      response.status >= 500
        ? "The server could not answer just now; try again in a moment."
        : `The server answered ${response.status}.`,
  };
}

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends one request to the API on this origin, with the session cookie and the CSRF header. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  // a form goes as it is: the browser writes its multipart Content-Type with the boundary
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  if (!["GET", "HEAD"].includes(method)) {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (failure) {
    if ((failure as Error).name === "AbortError") throw failure;
    throw new ApiError({
      status: 0,
      title: "No connection",
      detail: "The server cannot be reached; check that it is running.",
    });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? response.json() : response.text()) as Promise<T>;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("POST", path, body, options),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  /** POSTs one file as multipart/form-data, in a part of the given name with its filename. */
  upload: <T>(path: string, file: File, part = "file") => {
    const form = new FormData();
    form.append(part, file, file.name);
    return request<T>("POST", path, form);
  },
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** A message for a person, from whatever went wrong. */
export function messageOf(failure: unknown): string {
  if (failure instanceof ApiError) {
    const fields = failure.problem.errors
      ?.map((e) => [e.field, e.message].filter(Boolean).join(": "))
      .filter(Boolean);
    return fields && fields.length > 0 ? `${failure.message} (${fields.join("; ")})` : failure.message;
  }
  return failure instanceof Error ? failure.message : String(failure);
}

export const enc = encodeURIComponent;

import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import { useEffect, useMemo, useState } from "react";
import { api, CSRF_HEADER, csrfToken } from "../lib/api";
import { operationsOf, requestPath, type Operation } from "../lib/openapi";
import { schemaValidator } from "../lib/schemaValidator";
import { ErrorNote } from "./ErrorNote";

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  ms: number;
}

/**
 * Calls the deployed service through the gateway's owner-only proxy: pick an operation of its
 * OpenAPI document, fill the form made from its schema, send, read the answer. The answer is shown
 * as text, never interpreted.
 */
export function ApiTester({ proxy }: { proxy: string }) {
  const [operations, setOperations] = useState<Operation[] | null>(null);
  const [picked, setPicked] = useState(0);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    api.get<unknown>(`${proxy}openapi.json`).then(
      (doc) => setOperations(operationsOf(typeof doc === "string" ? JSON.parse(doc) : doc)),
      setError,
    );
  }, [proxy]);

  const operation = operations?.[picked];
  const schema = useMemo(() => operation?.schema, [operation]);

  async function send(values: Record<string, unknown>) {
    if (!operation) return;
    setSending(true);
    setError(null);
    const started = performance.now();
    try {
      const headers: Record<string, string> = { Accept: "application/json" };
      const token = await csrfToken();
      if (token) headers[CSRF_HEADER] = token;
      let body: string | undefined;
      if (operation.hasBody) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(values.body ?? {});
      }
      const path = requestPath(operation, values as { path?: Record<string, unknown>; query?: Record<string, unknown> });
      const response = await fetch(proxy + path.replace(/^\//, ""), {
        method: operation.method,
        headers,
        body,
        credentials: "same-origin",
      });
      const text = await response.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: shown as it came
      }
      setAnswer({
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        body: pretty,
        ms: Math.round(performance.now() - started),
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="card api-tester" aria-label="API tester" data-testid="api-tester">
      <h2>API tester</h2>
      <ErrorNote error={error} />
      {!operations && !error && <p className="muted">Reading the service's OpenAPI document…</p>}
      {operations && (
        <>
          <label>
            Operation
            <select
              name="operation"
              value={picked}
              onChange={(e) => {
                setPicked(Number(e.target.value));
                setFormData({});
                setAnswer(null);
              }}
            >
              {operations.map((op, i) => (
                <option key={`${op.method} ${op.path}`} value={i}>
                  {op.method} {op.path} — {op.summary}
                </option>
              ))}
            </select>
          </label>
          {schema && (
            <Form
              key={picked}
              schema={schema}
              formData={formData}
              validator={schemaValidator}
              onChange={(e: IChangeEvent) => setFormData(e.formData ?? {})}
              onSubmit={(e: IChangeEvent) => send(e.formData ?? {})}
              showErrorList={false}
            >
              <button type="submit" disabled={sending}>
                Send {operation?.method}
              </button>
            </Form>
          )}
        </>
      )}
      {answer && (
        <div className="answer" data-testid="api-answer">
          <p>
            <strong data-testid="api-status" className={answer.status < 400 ? "pass" : "fail"}>
              {answer.status} {answer.statusText}
            </strong>{" "}
            <span className="muted">in {answer.ms} ms</span>
          </p>
          <details>
            <summary>Headers</summary>
            <table>
              <tbody>
                {answer.headers.map(([k, v]) => (
                  <tr key={k}><td><code>{k}</code></td><td>{v}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
          <pre className="body" data-testid="api-body">{answer.body}</pre>
        </div>
      )}
    </section>
  );
}

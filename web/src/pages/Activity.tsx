import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, enc } from "../lib/api";
import { ACTION_WORDS, actionWords, subjectLabel, subjectPath } from "../lib/activity";
import type { AuditEvent, AuditList } from "../lib/types";
import { ErrorNote } from "../components/ErrorNote";
import { when } from "../components/format";

const PAGE = 25;

function pagePath(action: string, before?: string | null): string {
  const query = [`limit=${PAGE}`];
  if (action) query.push(`action=${enc(action)}`);
  if (before) query.push(`before=${enc(before)}`);
  return `/api/audit?${query.join("&")}`;
}

/** The caller's audit trail: what they did and what happened in their projects, newest first. */
export function ActivityPage() {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [action, setAction] = useState("");
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function load(before: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<AuditList>(pagePath(action, before));
      setEvents((shown) => (before && shown ? [...shown, ...page.items] : page.items));
      setNext(page.next ?? null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    load(null);
  }, [action]);

  return (
    <section>
      <h1>Activity</h1>
      <p className="muted">
        Sign-ins, API tokens, runs, deployments and projects: what you did and what happened in your
        projects, the newest first. Nothing here can be changed or removed.
      </p>
      <form className="inline" onSubmit={(e) => e.preventDefault()}>
        <label>
          Show
          <select name="action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">everything</option>
            {Object.entries(ACTION_WORDS).map(([code, words]) => (
              <option key={code} value={code}>{words}</option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNote error={error} />
      {events && events.length === 0 && <p className="muted">Nothing yet.</p>}
      {events && events.length > 0 && (
        <table data-testid="activity">
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>On</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <ActivityRow key={event.id} event={event} />
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <p>
          <button type="button" className="secondary" disabled={loading} onClick={() => load(next)}>
            Older
          </button>
        </p>
      )}
    </section>
  );
}

function ActivityRow({ event }: { event: AuditEvent }) {
  const path = subjectPath(event);
  const label = subjectLabel(event);
  const detail = Object.entries(event.detail ?? {});
  return (
    <tr>
      <td>{when(event.occurredAt)}</td>
      <td>
        {actionWords(event.action)}
        {!event.you && <span className="muted"> (in your project)</span>}
      </td>
      <td>{path ? <Link to={path}>{label}</Link> : <span className="muted">{label}</span>}</td>
      <td>
        {detail.map(([key, value]) => `${key}: ${value}`).join(" · ")}
        {event.clientAddress && <span className="muted"> from {event.clientAddress}</span>}
      </td>
    </tr>
  );
}

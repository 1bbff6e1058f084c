import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, enc } from "../lib/api";
import type { CheckFailure, Review, RunDetail, RunEvent } from "../lib/types";

interface Round<T> {
  event: RunEvent;
  /** the code version the report is about: the last one stored before it */
  version: number;
  body: T;
}

function rounds(events: readonly RunEvent[], type: string): Round<RunEvent["data"]>[] {
  const found: Round<RunEvent["data"]>[] = [];
  let version = 0;
  for (const event of events) {
    if (event.type === "code.bundle") version = Number(event.data.version ?? version);
    if (event.type === type) found.push({ event, version, body: event.data });
  }
  return found;
}

function codeLink(runId: string, version: number, file?: string | null, line?: number) {
  if (!file) return null;
  const query = new URLSearchParams({ v: String(version), file });
  if (line && line > 0) query.set("line", String(line));
  return `/runs/${runId}/code?${query}`;
}

/** Every review report and sandbox test report, findings and failures linked to file and line. */
export function ReportsView({ run, events }: { run: RunDetail; events: readonly RunEvent[] }) {
  const reviews = rounds(events, "review.report");
  const tests = rounds(events, "test.report");
  return (
    <div className="reports">
      <section className="card" aria-label="Reviews" data-testid="reviews">
        <h2>Reviews</h2>
        {reviews.length === 0 && <p className="muted">No review yet.</p>}
        {reviews.map((r) => (
          <ReviewRound key={r.event.seq} runId={run.id} round={r} />
        ))}
      </section>
      <section className="card" aria-label="Test reports" data-testid="tests">
        <h2>Sandbox checks</h2>
        {tests.length === 0 && <p className="muted">No checks yet{run.options?.sandbox === "OFF" ? ": the sandbox is off for this run" : ""}.</p>}
        {tests.map((t) => (
          <div key={t.event.seq} className="report">
            <h3>
              Round {t.body.round} · v{t.version}:{" "}
              <span className={t.body.passed ? "pass" : "fail"}>{t.body.passed ? "passed" : "failed"}</span>{" "}
              <span className="muted">{t.body.testsRun - t.body.testsFailed}/{t.body.testsRun} tests</span>
            </h3>
            <p className="muted">{t.body.summary}</p>
            {(t.body.failures as CheckFailure[] | undefined)?.length ? (
              <ul className="findings">
                {(t.body.failures as CheckFailure[]).map((f, i) => {
                  const link = codeLink(run.id, t.version, f.file, f.line);
                  return (
                    <li key={i}>
                      <span className="badge">{f.check}</span>{" "}
                      {link ? <Link to={link}><code>{f.file}{f.line > 0 ? `:${f.line}` : ""}</code></Link> : null} {f.message}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </div>
        ))}
      </section>
    </div>
  );
}

function ReviewRound({ runId, round }: { runId: string; round: Round<RunEvent["data"]> }) {
  const [review, setReview] = useState<Review | null>(null);
  const artifactId = round.body.artifactId as string | undefined;
  useEffect(() => {
    if (!artifactId) return;
    api.get<Review>(`/api/runs/${enc(runId)}/artifacts/${enc(artifactId)}`).then(setReview, () => setReview(null));
  }, [runId, artifactId]);
  const issues = review?.issues ?? [];
  return (
    <div className="report">
      <h3>
        Round {round.body.round} · v{round.version}:{" "}
        <span className={round.body.approved ? "pass" : "fail"}>{round.body.approved ? "approved" : "changes needed"}</span>{" "}
        <span className="muted">{round.body.blocking} blocking, {round.body.issues} in all</span>
      </h3>
      <p className="muted">{review?.summary ?? round.body.summary}</p>
      {issues.length > 0 && (
        <ul className="findings">
          {issues.map((issue, i) => {
            const link = codeLink(runId, round.version, issue.file, issue.line);
            return (
              <li key={i} className={`sev-${issue.severity.toLowerCase()}`}>
                <span className="badge">{issue.severity.toLowerCase()}</span>{" "}
                {link ? <Link to={link}><code>{issue.file}{issue.line > 0 ? `:${issue.line}` : ""}</code></Link> : null}{" "}
                <span className="muted">{issue.rule}</span> {issue.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

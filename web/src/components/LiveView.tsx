import { memo, useEffect, useMemo, useRef } from "react";
import type { RunFeed } from "../lib/events";
import { describe, fileProgress, formatMs, retrievals, STAGE_NAMES, timeline } from "../lib/runModel";
import type { RunDetail, RunEvent } from "../lib/types";
import { ContextPanel, RetrievalWaiting } from "./ContextView";

const CONNECTION: Record<string, string> = {
  connecting: "connecting…",
  live: "live",
  reconnecting: "reconnecting… (nothing is lost: the feed resumes where it stopped)",
  ended: "the run has ended",
};

/**
 * The stage timeline, the Implementer's files as they are written, the context the agents
 * retrieved, and the live event feed; above them, a wait for the vector store while there is one.
 */
export function LiveView({ run, feed }: { run: RunDetail; feed: RunFeed }) {
  const spans = useMemo(() => timeline(feed.events), [feed.events]);
  const files = useMemo(() => fileProgress(feed.events), [feed.events]);
  const context = useMemo(() => retrievals(feed.events), [feed.events]);
  return (
    <>
    {context.waiting && <RetrievalWaiting wait={context.waiting} />}
    <div className="live">
      <section aria-label="Stages" className="card">
        <h2>Stages</h2>
        {spans.length === 0 && <p className="muted">Waiting for the first stage…</p>}
        <ol className="timeline" data-testid="timeline">
          {spans.map((span) => (
            <li key={`${span.stage}/${span.round}/${span.firstSeq}`} className={`span span-${span.state}`} title={span.starts > 1 ? `started ${span.starts} times` : undefined}>
              <span className="stage-name">{STAGE_NAMES[span.stage] ?? span.stage}</span>
              {span.round > 0 && <span className="muted"> round {span.round}</span>}
              {span.starts > 1 && <span className="retries"> ×{span.starts}</span>}
              {span.attempts > 1 && <span className="retries"> retried ({span.attempts} attempts)</span>}
              <span className="duration">
                {span.state === "done" ? formatMs(span.elapsedMs) : span.state === "running" ? "running…" : "stopped"}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {files.length > 0 && (
        <section aria-label="Implementer" className="card">
          <h2>Implementer <span className="muted">({files.filter((f) => f.state === "written").length}/{files.length} files)</span></h2>
          <ul className="files-progress" data-testid="file-progress">
            {files.map((file) => (
              <li key={file.path} className={`file-${file.state}`}>
                <code>{file.path}</code>{" "}
                <span className="muted">
                  {file.state === "written"
                    ? `${file.bytes} bytes`
                    : file.state === "writing"
                      ? `${file.chars} characters…`
                      : file.reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ContextPanel runId={run.id} state={context} />
      <section aria-label="Events" className="card feed-card">
        <h2>
          Events <span className={`connection connection-${feed.connection}`} data-testid="connection">{CONNECTION[feed.connection]}</span>
        </h2>
        <EventFeed feed={feed} runId={run.id} />
      </section>
    </div>
    </>
  );
}

/** One line of the feed; an event never changes, so a line renders once. */
const FeedLine = memo(function FeedLine({ event }: { event: RunEvent }) {
  return (
    <li
      data-seq={event.seq}
      data-type={event.type}
      className={`ev ev-${event.type.split(".")[0]}${event.type === "retrieval.unavailable" ? " ev-warning" : ""}`}
    >
      <span className="seq">{event.seq}</span> <span className="type">{event.type}</span>{" "}
      <span className="text">{describe(event)}</span>
    </li>
  );
});

function EventFeed({ feed }: { feed: RunFeed; runId: string }) {
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [feed.events.length]);
  return (
    <ol
      className="feed"
      ref={list}
      data-testid="feed"
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 24;
      }}
    >
      {feed.events.map((event) => (
        <FeedLine key={event.seq} event={event} />
      ))}
    </ol>
  );
}

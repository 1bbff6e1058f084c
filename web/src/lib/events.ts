import { useEffect, useRef, useState } from "react";
import type { RunEvent } from "./types";

/**
 * Every event type of the journal's catalogue (the workflows module's Fact types). EventSource
 * delivers a named event only to a listener for that name, so each is listened for.
 */
export const EVENT_TYPES = [
  "run.started",
  "stage.started",
  "stage.completed",
  "artifact.charter",
  "artifact.architecture",
  "approval.requested",
  "approval.decided",
  "approval.timed_out",
  "code.file",
  "code.progress",
  "code.rejected",
  "code.bundle",
  "review.report",
  "review.stuck",
  "test.report",
  "llm.usage",
  "budget.exhausted",
  "budget.raised",
  "budget.stopped",
  "deploy.ready",
  "deploy.failed",
  "deploy.log",
  "sandbox.placed",
  "retrieval.done",
  "retrieval.indexed",
  "retrieval.unavailable",
  "run.completed",
  "run.failed",
  "run.cancelled",
] as const;

/** The events after which the server completes the stream. */
export const ENDING_TYPES: ReadonlySet<string> = new Set([
  "run.completed",
  "run.failed",
  "run.cancelled",
]);

/**
 * Adds one delivered event to the feed: each seq once, in order. The stream resumes from the last
 * id it delivered, so anything at or below the feed's last seq is a repeat and is dropped.
 */
export function appendEvent(feed: readonly RunEvent[], event: RunEvent): readonly RunEvent[] {
  const last = feed.length === 0 ? 0 : feed[feed.length - 1].seq;
  return event.seq <= last ? feed : [...feed, event];
}

export function parseEvent(type: string, id: string, data: string): RunEvent | null {
  const seq = Number(id);
  if (!Number.isSafeInteger(seq) || seq <= 0) return null;
  try {
    const parsed = JSON.parse(data);
    return { seq, type, data: parsed && typeof parsed === "object" ? parsed : { value: parsed } };
  } catch {
    return { seq, type, data: { text: data } };
  }
}

export type Connection = "connecting" | "live" | "reconnecting" | "ended";

export interface RunFeed {
  events: readonly RunEvent[];
  connection: Connection;
}

/**
 * The run's journal, live: an EventSource on /api/runs/{id}/events. The browser resumes a dropped
 * stream by itself with Last-Event-ID; when it gives up (the server refused or was gone), a new
 * stream opens after a pause from the last seq seen (?lastEventId=). Closed for good after the
 * run's ending event.
 */
export function useRunEvents(runId: string, onEvent?: (event: RunEvent) => void): RunFeed {
  const [feed, setFeed] = useState<RunFeed>({ events: [], connection: "connecting" });
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let lastSeq = 0;
    let ended = false;
    let stopped = false;
    setFeed({ events: [], connection: "connecting" });

    const open = () => {
      const url =
        `/api/runs/${encodeURIComponent(runId)}/events` +
        (lastSeq > 0 ? `?lastEventId=${lastSeq}` : "");
      source = new EventSource(url);
      source.onopen = () => setFeed((f) => ({ ...f, connection: "live" }));
      source.onerror = () => {
        if (stopped || ended) return;
        if (source && source.readyState === EventSource.CLOSED) {
          setFeed((f) => ({ ...f, connection: "reconnecting" }));
          retry = setTimeout(open, 2000);
        } else {
          setFeed((f) => ({ ...f, connection: "reconnecting" }));
        }
      };
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (message) => {
          const event = parseEvent(type, (message as MessageEvent).lastEventId, (message as MessageEvent).data);
          if (!event || event.seq <= lastSeq) return;
          lastSeq = event.seq;
          setFeed((f) => ({ ...f, events: appendEvent(f.events, event) }));
          handler.current?.(event);
          if (ENDING_TYPES.has(type)) {
            ended = true;
            source?.close();
            setFeed((f) => ({ ...f, connection: "ended" }));
          }
        });
      }
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [runId]);

  return feed;
}

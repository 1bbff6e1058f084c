import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEvent } from "../lib/events";
import type { RunEvent } from "../lib/types";

/** A real run's journal as the gateway streamed it (offline planner, one change request, deployed). */
export function journal(): RunEvent[] {
  const text = readFileSync(join(__dirname, "journal.sse"), "utf8");
  const events: RunEvent[] = [];
  for (const block of text.split("\n\n")) {
    const fields = Object.fromEntries(
      block
        .split("\n")
        .filter((l) => !l.startsWith(":") && l.includes(":"))
        .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1)]),
    );
    if (fields.id && fields.event) {
      const event = parseEvent(fields.event, fields.id, fields.data ?? "");
      if (event) events.push(event);
    }
  }
  return events;
}

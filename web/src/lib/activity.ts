import type { AuditEvent } from "./types";

/** Each audited action in plain words. */
export const ACTION_WORDS: Readonly<Record<string, string>> = {
  "session.signed_in": "signed in",
  "session.refused": "sign-in refused",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "run.created": "run created",
  "run.cancelled": "run cancelled",
  "run.approved": "plan approved",
  "run.changes_requested": "plan changes requested",
  "run.rejected": "plan rejected",
  "deployment.started": "deployment started",
  "deployment.stopped": "deployment stopped",
  "project.deleted": "project deleted",
};

export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/** Where the event's subject lives in the UI, while it is still there. */
export function subjectPath(event: AuditEvent): string | null {
  if (!event.subjectFound || !event.subjectId) return null;
  switch (event.subjectType) {
    case "run":
    case "deployment":
      return `/runs/${encodeURIComponent(event.subjectId)}`;
    case "project":
      return `/projects/${encodeURIComponent(event.subjectId)}`;
    case "token":
      return "/tokens";
    default:
      return null;
  }
}

/** The subject as a person reads it: its kind, and the start of its id. */
export function subjectLabel(event: AuditEvent): string {
  if (!event.subjectType) return "";
  if (event.subjectType === "user") return event.you ? "your account" : "an account";
  const id = event.subjectId ? ` ${event.subjectId.slice(0, 8)}` : "";
  return `${event.subjectType}${id}`;
}

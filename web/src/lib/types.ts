// The API's bodies, as the gateway's OpenAPI document (/v3/api-docs) describes them.

export interface User {
  id: string;
  username: string;
  email: string;
  createdAt: string;
}

export interface ServerInfo {
  offlinePlanner: boolean;
  planner: string;
  sandbox: string;
  temporal: string;
  temporalWeb?: string | null;
  namespace: string;
}

export interface Token {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface IssuedToken extends Token {
  token: string;
}

export interface Project {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  runs: string;
}

export type RunStatus =
  | "QUEUED"
  | "RUNNING"
  | "AWAITING_APPROVAL"
  | "PAUSED_BUDGET"
  | "SUCCEEDED"
  | "FAILED"
  | "CANCELLED";

export const ENDED: ReadonlySet<string> = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export interface RunView {
  id: string;
  projectId: string;
  status: RunStatus;
  service?: string | null;
  prompt: string;
  createdAt: string;
  updatedAt: string;
  events: string;
}

export interface PipelineState {
  stage: string;
  round: number;
  bundleVersion: number;
  bundleId?: string | null;
  tokens: number;
  costUsd: number;
  budgetTokens: number;
  budgetUsd: number;
  awaiting: "NOTHING" | "PLAN_APPROVAL" | "BUDGET" | string;
}

export interface RunOptions {
  approvalGate: boolean;
  maxReviewRounds: number;
  implementerConcurrency: number;
  budgetTokens: number;
  budgetUsd: number;
  sandbox: string;
}

/** A completed run's summary; a failed or cancelled run's result is its ending event instead. */
export interface RunResult {
  outcome?: string;
  verdict: string;
  files: number;
  rounds: number;
  costUsd: number;
  elapsedMs: number;
  bundleVersion: number;
  deploymentUrl?: string | null;
  blockingIssues: number;
}

export interface RunDetail extends RunView {
  options?: RunOptions;
  result?: RunResult | null;
  state?: PipelineState | null;
  workflowClosed?: { status: string; reason?: string | null } | null;
  offlinePlanner?: boolean;
}

export interface RunList {
  items: RunView[];
  next?: string | null;
}

export interface NewRun {
  prompt: string;
  approvalGate: boolean;
  maxReviewRounds: number;
  budgetTokens: number;
  budgetUsd: number;
  sandbox: "off" | "check" | "deploy";
}

export interface VersionView {
  version: number;
  bundleId: string;
  fileCount: number;
  createdAt: string;
  files: string;
}

export interface FileEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface FileTree {
  version: number;
  bundleId: string;
  files: FileEntry[];
}

export interface ArtifactListed {
  id?: string;
  kind: string;
  round?: number | null;
  createdAt: string;
  seq: number;
  url?: string;
}

export interface Field {
  name: string;
  type: string;
  required: boolean;
  references?: string | null;
}

export interface Charter {
  name: string;
  entities: { name: string; plural: string; fields: Field[] }[];
  endpoints: Endpoint[];
  [more: string]: unknown;
}

export interface Endpoint {
  path: string;
  method: string;
  summary: string;
}

export interface Column {
  name: string;
  type: string;
  nullable?: boolean;
  references?: string | null;
  [more: string]: unknown;
}

export interface Architecture {
  mermaid: string;
  designMarkdown: string;
  endpoints: Endpoint[];
  components: { name: string; responsibility: string }[];
  dataModel: { name: string; primaryKey: string; columns: Column[] }[];
  filePlan: { path: string; purpose: string; publicInterface?: string }[];
}

export interface ReviewIssue {
  severity: string;
  file: string;
  line: number;
  rule: string;
  message: string;
}

export interface Review {
  approved: boolean;
  summary: string;
  issues: ReviewIssue[];
}

export interface CheckFailure {
  check: string;
  file?: string | null;
  line: number;
  message: string;
}

export interface Deployment {
  runId: string;
  state: string;
  url?: string | null;
  bundleId?: string | null;
  expiresAt?: string | null;
  proxy: string;
  logs: string;
}

/** One of the caller's services, as `GET /api/deployments` lists it. */
export interface DeploymentItem extends Deployment {
  projectId?: string | null;
  /** The project's name, when the run belongs to a project. */
  project?: string | null;
  /** The name the run gave the service. */
  service?: string | null;
}

/** A document attached to a project, read by the Requirements agent. */
export interface ProjectDocument {
  id: string;
  name: string;
  mediaType: "text/markdown" | "text/plain" | "application/pdf" | string;
  bytes: number;
  pages?: number | null;
  chars: number;
  chunks: number;
  createdAt: string;
}

export interface DocumentList {
  items: ProjectDocument[];
}

/** A question about a run's generated code. */
export interface AskRequest {
  question: string;
  runId?: string;
  version?: number;
}

/** One passage of the code that matched a question. */
export interface AskSource {
  path: string;
  startLine: number;
  endLine: number;
  score: number;
  text: string;
}

/** The answer: a model's markdown citing the sources, or (offline) null and the sources alone. */
export interface AskAnswer {
  question: string;
  planner: "offline" | "model" | string;
  answer: string | null;
  runId: string;
  bundleId: string;
  version: number;
  sources: AskSource[];
}

/** One passage an agent retrieved before it wrote (a `retrieval.done` event's hit). */
export interface RetrievalHit {
  source: "document" | "knowledge" | "code" | string;
  label: string;
  location: string;
  score: number;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

/** One journal event as the SSE stream delivers it. */
export interface RunEvent {
  seq: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: Record<string, any>;
}

/** A URL told, signed, when a run of the project ends; its secret is only in the create answer. */
export interface Webhook {
  id: string;
  url: string;
  createdAt: string;
  deliveries: string;
}

export interface WebhookList {
  items: Webhook[];
}

export interface CreatedWebhook extends Webhook {
  secret: string;
}

/** One attempt to deliver a run's end to a webhook. */
export interface WebhookDelivery {
  deliveryId: string;
  runId: string;
  event: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  responseMillis: number | null;
  deliveredAt: string | null;
  failedAt: string | null;
  last: boolean;
}

export interface WebhookDeliveryList {
  items: WebhookDelivery[];
  limit: number;
}

/** One event of the caller's audit trail (GET /api/audit). */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  action: string;
  /** whether the caller did it; otherwise it happened in one of their projects */
  you: boolean;
  subjectType?: string | null;
  subjectId?: string | null;
  projectId?: string | null;
  /** whether the run, project or token it names is still there */
  subjectFound: boolean;
  detail: Record<string, string>;
  clientAddress?: string | null;
}

/** A page of the audit trail, newest first; `next` is the `before` of the following page. */
export interface AuditList {
  items: AuditEvent[];
  next?: string | null;
}

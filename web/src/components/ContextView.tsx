import { Link } from "react-router-dom";
import { agentName, lineRange, score, STAGE_NAMES, type Retrieval, type RetrievalState, type RetrievalWait } from "../lib/runModel";
import type { RetrievalHit } from "../lib/types";

const SOURCE_NAMES: Record<string, string> = {
  document: "document",
  knowledge: "knowledge",
  code: "code",
};

/** The code view at the lines a code hit names, in the version it was retrieved from. */
function codeLink(runId: string, version: number, hit: RetrievalHit): string | null {
  if (hit.source !== "code" || version <= 0 || !hit.label) return null;
  const query = new URLSearchParams({ v: String(version), file: hit.label });
  const lines = lineRange(hit.location);
  if (lines) {
    query.set("line", String(lines.start));
    if (lines.end > lines.start) query.set("end", String(lines.end));
  }
  return `/runs/${runId}/code?${query}`;
}

function Hit({ runId, retrieval, hit }: { runId: string; retrieval: Retrieval; hit: RetrievalHit }) {
  const link = codeLink(runId, retrieval.version, hit);
  return (
    <li>
      <span className={`badge source source-${hit.source}`}>{SOURCE_NAMES[hit.source] ?? hit.source}</span>{" "}
      {link ? <Link to={link}><code>{hit.label}</code></Link> : <span className="hit-label">{hit.label}</span>}
      {hit.location && <span className="muted"> · {hit.location}</span>}{" "}
      <span className="score" title="Similarity to the query, 0 to 1">{score(hit.score)}</span>
    </li>
  );
}

/**
 * What each agent retrieved before it wrote — passages of the project's documents, of the
 * knowledge base and of the code — with their scores, and the versions indexed for questions.
 */
export function ContextPanel({ runId, state }: { runId: string; state: RetrievalState }) {
  if (state.agents.length === 0 && state.indexed.length === 0) return null;
  return (
    <section aria-label="Context" className="card context" data-testid="context">
      <h2>Context</h2>
      <p className="muted small-note">What the agents retrieved before they wrote, best match first.</p>
      {state.agents.map(({ agent, retrievals }) => {
        const passages = retrievals.reduce((n, r) => n + r.hits.length, 0);
        return (
          <details key={agent} open={retrievals.length <= 3} data-agent={agent}>
            <summary>
              <strong>{agentName(agent)}</strong>{" "}
              <span className="muted">
                {retrievals.length > 1 ? `${retrievals.length} retrievals, ` : ""}
                {passages} {passages === 1 ? "passage" : "passages"}
              </span>
            </summary>
            {retrievals.map((r) => (
              <div key={r.seq} className="retrieval">
                <p className="query">
                  {r.stage && (
                    <span className="muted">
                      {STAGE_NAMES[r.stage] ?? r.stage}
                      {r.round > 0 ? ` round ${r.round}` : ""}
                      {r.attempt > 1 ? ` (attempt ${r.attempt})` : ""} ·{" "}
                    </span>
                  )}
                  <span className="query-text">“{r.query}”</span>
                </p>
                {r.hits.length === 0 ? (
                  <p className="muted">Nothing matched.</p>
                ) : (
                  <ol className="hits">
                    {r.hits.map((hit, i) => (
                      <Hit key={i} runId={runId} retrieval={r} hit={hit} />
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </details>
        );
      })}
      {state.indexed.length > 0 && (
        <p className="small-note" data-testid="indexed">
          Indexed for questions:{" "}
          {state.indexed.map((i) => `v${i.version} (${i.chunks} passages)`).join(", ")} —{" "}
          <Link to={`/runs/${runId}/code`}>ask about the code</Link>.
        </p>
      )}
    </section>
  );
}

/** The vector store is down: the run is not over, it waits and retries. */
export function RetrievalWaiting({ wait }: { wait: RetrievalWait }) {
  return (
    <div className="card attention waiting" role="status" data-testid="retrieval-waiting">
      <strong>Waiting for the vector store.</strong> {agentName(wait.agent)} cannot retrieve its context
      yet: {wait.message}. The run goes on by itself once the store answers.
    </div>
  );
}

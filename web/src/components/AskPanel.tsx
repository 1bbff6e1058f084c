import { useMemo, useState, type FormEvent } from "react";
import { api, enc } from "../lib/api";
import { highlightLines } from "../lib/highlight";
import { score } from "../lib/runModel";
import type { AskAnswer, AskSource, RunDetail } from "../lib/types";
import { useAction } from "../lib/useAction";
import { ErrorNote } from "./ErrorNote";
import { Markdown } from "./Markdown";

/** The server refuses a longer question (400). */
export const MAX_QUESTION = 2000;

/** Where a source is: `app/models.py:10–24`. */
export function sourceName(source: AskSource): string {
  return source.endLine > source.startLine
    ? `${source.path}:${source.startLine}–${source.endLine}`
    : `${source.path}:${source.startLine}`;
}

/** A source's text, highlighted as its file is, numbered from its first line. */
function Snippet({ source }: { source: AskSource }) {
  const lines = useMemo(() => highlightLines(source.text.replace(/\n$/, ""), source.path), [source]);
  return (
    <div className="source snippet">
      <table className="hljs">
        <tbody>
          {lines.map((html, i) => (
            <tr key={i}>
              <td className="ln">{source.startLine + i}</td>
              {/* highlight.js escapes the snippet's text; only its own spans are markup */}
              <td className="lc" dangerouslySetInnerHTML={{ __html: html || " " }} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A question about the run's code, answered from the version being viewed: a model's answer in
 * markdown when there is a model, and always the passages that matched, each opening its file at
 * its lines in the viewer.
 */
export function AskPanel({
  run,
  version,
  selected,
  onOpen,
}: {
  run: RunDetail;
  version: number;
  /** the file and first line the viewer shows, to mark the source being looked at */
  selected?: { file: string | null; line: number };
  onOpen(source: AskSource, version: number): void;
}) {
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState<AskAnswer | null>(null);
  const { busy, error, run: act } = useAction();

  async function ask(event: FormEvent) {
    event.preventDefault();
    const text = question.trim();
    if (!text || busy) return;
    setAnswer(null);
    await act(async () => {
      setAnswer(await api.post<AskAnswer>(`/api/projects/${enc(run.projectId)}/ask`, { question: text, runId: run.id, version }));
    });
  }

  return (
    <section className="card ask" aria-labelledby="ask-heading" data-testid="ask">
      <h2 id="ask-heading">Ask about this code</h2>
      <form onSubmit={ask}>
        <label>
          <span>Question <span className="muted">about v{version}</span></span>
          <textarea
            name="question"
            rows={2}
            required
            maxLength={MAX_QUESTION}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            placeholder="Where is the price validated?"
            aria-describedby="question-count"
          />
        </label>
        <small id="question-count" className="muted counter">
          {question.length.toLocaleString()} / {MAX_QUESTION.toLocaleString()} characters · Ctrl+Enter asks
        </small>
        <button type="submit" disabled={busy || question.trim() === ""}>{busy ? "Asking…" : "Ask"}</button>
      </form>
      <ErrorNote error={error} />
      {busy && <p className="muted" role="status">Searching v{version}…</p>}
      {answer && (
        <div className="answer" data-testid="ask-answer">
          {answer.answer ? (
            <Markdown source={answer.answer} />
          ) : (
            <p className="offline-note"><strong>No model configured — the passages that match best:</strong></p>
          )}
          {answer.version !== version && (
            <p className="muted small-note">These passages are from v{answer.version}; opening one shows that version.</p>
          )}
          {answer.sources.length === 0 ? (
            <p className="muted">No passage of v{answer.version} matches the question.</p>
          ) : (
            <>
              {answer.answer && <h3>Sources</h3>}
              <ol className="ask-sources" data-testid="ask-sources">
                {answer.sources.map((source, i) => {
                  const current =
                    selected?.file === source.path && selected.line === source.startLine && answer.version === version;
                  return (
                    <li key={i}>
                      <button
                        type="button"
                        className={`link source-link${current ? " current" : ""}`}
                        aria-current={current || undefined}
                        onClick={() => onOpen(source, answer.version)}
                      >
                        <code>{sourceName(source)}</code> <span className="score">({score(source.score)})</span>
                      </button>
                      <Snippet source={source} />
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
}

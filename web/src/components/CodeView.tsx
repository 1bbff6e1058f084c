import { html as diffHtml } from "diff2html";
import "diff2html/bundles/css/diff2html.min.css";
import "highlight.js/styles/github.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api, enc } from "../lib/api";
import { highlightLines } from "../lib/highlight";
import type { FileEntry, FileTree, RunDetail, VersionView } from "../lib/types";
import { AskPanel } from "./AskPanel";
import { ErrorNote } from "./ErrorNote";

/**
 * The code, version by version: file tree, highlighted viewer with line links (`line`, and `end`
 * for a range), diffs, and questions about the code whose sources open in the viewer.
 */
export function CodeView({ run }: { run: RunDetail }) {
  const [params, setParams] = useSearchParams();
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bundleVersion = run.state?.bundleVersion ?? 0;

  useEffect(() => {
    api.get<{ items: VersionView[] }>(`/api/runs/${enc(run.id)}/versions`).then((list) => setVersions(list.items), setError);
  }, [run.id, bundleVersion]);

  if (error) return <ErrorNote error={error} />;
  if (!versions) return <p className="muted">Loading…</p>;
  if (versions.length === 0) return <p className="muted">No code yet: the Implementer writes it after the plan.</p>;

  const latest = versions[versions.length - 1].version;
  const version = Number(params.get("v") ?? latest);
  const from = params.get("from");
  const to = params.get("to");
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  return (
    <div className="code" data-testid="code">
      <div className="toolbar">
        <label>
          Version
          <select name="version" value={version} onChange={(e) => update({ v: e.target.value, from: null, to: null, line: null, end: null })}>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>v{v.version} · {v.fileCount} files</option>
            ))}
          </select>
        </label>
        <DiffPicker versions={versions} from={from} to={to} onPick={(a, b) => update({ from: a, to: b })} />
        <a className="button secondary small" href={`/api/runs/${enc(run.id)}/versions/${version}/zip`} download>
          Zip of v{version}
        </a>
      </div>
      {from && to ? (
        <DiffPanel runId={run.id} from={from} to={to} onClose={() => update({ from: null, to: null })} />
      ) : (
        <Browser
          runId={run.id}
          version={version}
          file={params.get("file")}
          line={Number(params.get("line") ?? 0)}
          end={Number(params.get("end") ?? 0)}
          onOpen={(file) => update({ file, line: null, end: null })}
        />
      )}
      <AskPanel
        run={run}
        version={version}
        selected={{ file: params.get("file"), line: Number(params.get("line") ?? 0) }}
        onOpen={(source, v) =>
          update({
            v: String(v),
            file: source.path,
            line: String(source.startLine),
            end: source.endLine > source.startLine ? String(source.endLine) : null,
            from: null,
            to: null,
          })
        }
      />
    </div>
  );
}

function DiffPicker({ versions, from, to, onPick }: { versions: VersionView[]; from: string | null; to: string | null; onPick(a: string, b: string): void }) {
  const first = String(versions[Math.max(0, versions.length - 2)].version);
  const last = String(versions[versions.length - 1].version);
  const [a, setA] = useState(from ?? first);
  const [b, setB] = useState(to ?? last);
  return (
    <form className="inline diff-picker" onSubmit={(e) => { e.preventDefault(); onPick(a, b); }}>
      <label>
        Diff from
        <select name="from" value={a} onChange={(e) => setA(e.target.value)}>
          {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
        </select>
      </label>
      <label>
        to
        <select name="to" value={b} onChange={(e) => setB(e.target.value)}>
          {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
        </select>
      </label>
      <button type="submit" className="secondary small">Show diff</button>
    </form>
  );
}

function DiffPanel({ runId, from, to, onClose }: { runId: string; from: string; to: string; onClose(): void }) {
  const [diff, setDiff] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [layout, setLayout] = useState<"line-by-line" | "side-by-side">(
    window.matchMedia?.("(max-width: 900px)").matches ? "line-by-line" : "side-by-side",
  );
  useEffect(() => {
    setDiff(null);
    api.get<string>(`/api/runs/${enc(runId)}/diff?from=${enc(from)}&to=${enc(to)}`).then(setDiff, setError);
  }, [runId, from, to]);
  const rendered = useMemo(
    () => (diff ? diffHtml(diff, { drawFileList: true, matching: "lines", outputFormat: layout }) : ""),
    [diff, layout],
  );
  return (
    <section className="card" aria-label="Diff" data-testid="diff">
      <div className="title-row">
        <h2>v{from} → v{to}</h2>
        <span className="actions">
          <button type="button" className="secondary small" onClick={() => setLayout(layout === "side-by-side" ? "line-by-line" : "side-by-side")}>
            {layout === "side-by-side" ? "Unified" : "Side by side"}
          </button>
          <button type="button" className="secondary small" onClick={onClose}>Back to files</button>
        </span>
      </div>
      <ErrorNote error={error} />
      {diff === "" && <p className="muted">No differences between v{from} and v{to}.</p>}
      {/* diff2html escapes every line of the diff it draws */}
      {diff && <div className="diff-body" dangerouslySetInnerHTML={{ __html: rendered }} />}
    </section>
  );
}

function Browser({ runId, version, file, line, end, onOpen }: { runId: string; version: number; file: string | null; line: number; end: number; onOpen(path: string): void }) {
  const [tree, setTree] = useState<FileTree | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<FileTree>(`/api/runs/${enc(runId)}/versions/${version}/files`).then(setTree, setError);
  }, [runId, version]);
  const open = file ?? tree?.files.find((f) => f.path.endsWith("main.py"))?.path ?? tree?.files[0]?.path ?? null;
  return (
    <div className="browser">
      <nav className="tree card" aria-label="Files" data-testid="file-tree">
        <ErrorNote error={error} />
        <ul>
          {tree?.files.map((f: FileEntry) => (
            <li key={f.path}>
              <button type="button" className={`link file-link${f.path === open ? " current" : ""}`} aria-current={f.path === open} onClick={() => onOpen(f.path)} style={{ paddingLeft: `${(f.path.split("/").length - 1) * 0.9 + 0.3}rem` }}>
                {f.path.split("/").pop()}
                <span className="muted">{f.path.includes("/") ? ` ${f.path.slice(0, f.path.lastIndexOf("/"))}/` : ""}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {open && <FileViewer runId={runId} version={version} path={open} line={line} end={end} />}
    </div>
  );
}

/** A marked line, or range of lines (line to end), scrolled to. */
function FileViewer({ runId, version, path, line, end }: { runId: string; version: number; path: string; line: number; end: number }) {
  const [content, setContent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const target = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    setContent(null);
    setError(null);
    const segments = path.split("/").map(enc).join("/");
    api.get<string>(`/api/runs/${enc(runId)}/versions/${version}/files/${segments}`).then(setContent, setError);
  }, [runId, version, path]);
  const lines = useMemo(() => (content === null ? [] : highlightLines(content, path)), [content, path]);
  const last = Math.max(line, end);
  const marked = (n: number) => line > 0 && n >= line && n <= last;
  useEffect(() => {
    target.current?.scrollIntoView?.({ block: last > line ? "start" : "center" });
  }, [lines, line, last]);
  return (
    <section className="viewer card" aria-label={`File ${path}`} data-testid="file-viewer">
      <h2>
        <code>{path}</code> <span className="muted">v{version}</span>
        {line > 0 && <span className="muted marked-lines"> · {last > line ? `lines ${line}–${last}` : `line ${line}`}</span>}
      </h2>
      <ErrorNote error={error} />
      {content !== null && (
        <div className="source">
          <table className="hljs">
            <tbody>
              {lines.map((html, i) => (
                <tr key={i} id={`L${i + 1}`} ref={i + 1 === line ? target : undefined} className={marked(i + 1) ? "marked" : undefined}>
                  <td className="ln">{i + 1}</td>
                  {/* highlight.js escapes the file's text; only its own spans are markup */}
                  <td className="lc" dangerouslySetInnerHTML={{ __html: html || " " }} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

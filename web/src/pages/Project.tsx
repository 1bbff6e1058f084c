import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api, enc } from "../lib/api";
import type { NewRun, Project, RunList, RunView } from "../lib/types";
import { DocumentsSection } from "../components/Documents";
import { WebhooksSection } from "../components/Webhooks";
import { ErrorNote } from "../components/ErrorNote";
import { statusClass, when } from "../components/format";
import { useSession } from "../lib/session";
import { useAction } from "../lib/useAction";

export const MAX_PROMPT = 20_000;

export function ProjectPage() {
  const { projectId = "" } = useParams();
  const [project, setProject] = useState<Project | null>(null);
  const [runs, setRuns] = useState<RunView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const navigate = useNavigate();

  useEffect(() => {
    setError(null);
    api.get<Project>(`/api/projects/${enc(projectId)}`).then(setProject, setError);
    api.get<RunList>(`/api/runs?project=${enc(projectId)}&limit=20`).then((page) => {
      setRuns(page.items);
      setNext(page.next ?? null);
    }, setError);
  }, [projectId]);

  async function more() {
    if (!next) return;
    try {
      const page = await api.get<RunList>(`/api/runs?project=${enc(projectId)}&limit=20&after=${enc(next)}`);
      setRuns((r) => [...r, ...page.items]);
      setNext(page.next ?? null);
    } catch (failure) {
      setError(failure);
    }
  }

  async function rename() {
    if (!project) return;
    const name = window.prompt("New name", project.name);
    if (!name || name === project.name) return;
    try {
      setProject(await api.patch<Project>(`/api/projects/${enc(project.id)}`, { name }));
    } catch (failure) {
      setError(failure);
    }
  }

  async function remove() {
    if (!project) return;
    if (!window.confirm(`Delete “${project.name}”? Its runs are cancelled and its services and images removed.`)) return;
    try {
      await api.delete(`/api/projects/${enc(project.id)}`);
      navigate("/");
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section>
      <p className="crumbs"><Link to="/">Projects</Link> /</p>
      <div className="title-row">
        <h1>{project?.name ?? "Project"}</h1>
        {project && (
          <span className="actions">
            <button type="button" className="secondary small" onClick={rename}>Rename</button>
            <button type="button" className="danger small" onClick={remove}>Delete</button>
          </span>
        )}
      </div>
      <ErrorNote error={error} />
      {project && <NewRunForm projectId={project.id} onStarted={(run) => navigate(`/runs/${run.id}`)} />}
      {project && <DocumentsSection projectId={project.id} />}
      {project && <WebhooksSection projectId={project.id} />}
      <h2>Runs</h2>
      {runs.length === 0 && <p className="muted">No runs yet.</p>}
      <ul className="runs" data-testid="runs">
        {runs.map((run) => (
          <li key={run.id} className="card">
            <Link to={`/runs/${run.id}`}>
              <span className={statusClass(run.status)}>{run.status.replace("_", " ").toLowerCase()}</span>{" "}
              <strong>{run.service ?? "run"}</strong>
            </Link>
            <p className="prompt-line">{run.prompt}</p>
            <small className="muted">{when(run.createdAt)}</small>
          </li>
        ))}
      </ul>
      {next && <button type="button" className="secondary" onClick={more}>More runs</button>}
    </section>
  );
}

export function NewRunForm({ projectId, onStarted }: { projectId: string; onStarted(run: RunView): void }) {
  const { server } = useSession();
  const [form, setForm] = useState<NewRun>({
    prompt: "",
    approvalGate: true,
    maxReviewRounds: 3,
    budgetTokens: 0,
    budgetUsd: 0,
    sandbox: "deploy",
  });
  const { busy, error, run } = useAction();
  const [key] = useState(() => crypto.randomUUID());
  const set = <K extends keyof NewRun>(field: K, value: NewRun[K]) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      // one key per form: a double submit or a retry after a lost answer starts one run
      const started = await api.post<RunView>(`/api/projects/${enc(projectId)}/runs`, form, {
        headers: { "Idempotency-Key": key },
      });
      onStarted(started);
    });
  }

  const sandboxOff = server != null && server.sandbox.startsWith("off");
  return (
    <form className="card new-run" onSubmit={submit} aria-label="New run">
      <h2>New run</h2>
      <label>
        Describe the service
        <textarea
          name="prompt"
          required
          rows={4}
          maxLength={MAX_PROMPT}
          value={form.prompt}
          onChange={(e) => set("prompt", e.target.value)}
          placeholder="A bookstore API with books (title, author, price: float) and reviews (book_id, rating: int, comment)"
          aria-describedby="prompt-count"
        />
      </label>
      <small id="prompt-count" className="muted counter">{form.prompt.length.toLocaleString()} / {MAX_PROMPT.toLocaleString()} characters</small>
      <div className="grid">
        <label className="check">
          <input type="checkbox" name="approvalGate" checked={form.approvalGate} onChange={(e) => set("approvalGate", e.target.checked)} />
          Ask me to approve the plan
        </label>
        <label>
          Review rounds
          <input type="number" name="maxReviewRounds" min={1} max={10} value={form.maxReviewRounds} onChange={(e) => set("maxReviewRounds", Number(e.target.value))} />
        </label>
        <label>
          <span>Budget, tokens <span className="muted">(0: none)</span></span>
          <input type="number" name="budgetTokens" min={0} step={1000} value={form.budgetTokens} onChange={(e) => set("budgetTokens", Number(e.target.value))} />
        </label>
        <label>
          <span>Budget, USD <span className="muted">(0: none)</span></span>
          <input type="number" name="budgetUsd" min={0} step={0.01} value={form.budgetUsd} onChange={(e) => set("budgetUsd", Number(e.target.value))} />
        </label>
        <label>
          Sandbox
          <select name="sandbox" value={form.sandbox} onChange={(e) => set("sandbox", e.target.value as NewRun["sandbox"])}>
            <option value="deploy">build, test and deploy</option>
            <option value="check">build and test only</option>
            <option value="off">review only</option>
          </select>
        </label>
      </div>
      {sandboxOff && <p className="muted">The sandbox is off on this server ({server?.sandbox}): runs are reviewed only.</p>}
      <ErrorNote error={error} />
      <button type="submit" disabled={busy}>Start run</button>
    </form>
  );
}

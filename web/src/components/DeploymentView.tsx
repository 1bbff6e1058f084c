import { useEffect, useState } from "react";
import { api, ApiError, enc } from "../lib/api";
import type { Deployment, RunDetail, VersionView } from "../lib/types";
import { ApiTester } from "./ApiTester";
import { ErrorNote } from "./ErrorNote";
import { when } from "./format";
import { useAction } from "../lib/useAction";

/** The deployed service: URL, state, expiry, live logs, stop and redeploy, and the API tester. */
export function DeploymentView({ run, onChanged }: { run: RunDetail; onChanged(): void }) {
  const [deployment, setDeployment] = useState<Deployment | null | undefined>(undefined);
  const [versions, setVersions] = useState<VersionView[]>([]);
  const [version, setVersion] = useState<number>(run.state?.bundleVersion ?? 1);
  const { busy, error, setError, run: perform } = useAction();

  const load = () =>
    api.get<Deployment>(`/api/runs/${enc(run.id)}/deployment`).then(setDeployment, (failure) => {
      if (failure instanceof ApiError && failure.status === 404) setDeployment(null);
      else setError(failure);
    });
  useEffect(() => {
    load();
    api.get<{ items: VersionView[] }>(`/api/runs/${enc(run.id)}/versions`).then((list) => {
      setVersions(list.items);
      if (list.items.length > 0) setVersion(list.items[list.items.length - 1].version);
    }, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run.id, run.state?.bundleVersion, run.status]);

  async function act(action: () => Promise<unknown>) {
    await perform(async () => {
      await action();
      await load();
      onChanged();
    });
  }

  // a deploy in progress is followed until it settles
  const deploying = deployment?.state === "deploying";
  useEffect(() => {
    if (!deploying) return;
    const timer = setInterval(load, 1500);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deploying, run.id]);

  const deployedVersion = versions.find((v) => v.bundleId === deployment?.bundleId)?.version;
  const running =
    deployment != null &&
    !deploying &&
    !["stopped", "expired"].includes(deployment.state) &&
    !deployment.state.startsWith("failed");

  return (
    <div className="deployment" data-testid="deployment">
      <section className="card">
        <h2>Deployment</h2>
        <ErrorNote error={error} />
        {deployment === undefined && <p className="muted">Loading…</p>}
        {deployment === null && <p className="muted">Nothing deployed for this run.</p>}
        {deployment && (
          <dl className="facts">
            <div><dt>State</dt><dd data-testid="deployment-state">{deployment.state}</dd></div>
            <div><dt>Version</dt><dd>{deployedVersion ? `v${deployedVersion}` : "—"}</dd></div>
            <div><dt>URL</dt><dd>{deployment.url ? <code>{deployment.url}</code> : "—"}</dd></div>
            <div><dt>Expires</dt><dd>{when(deployment.expiresAt)}</dd></div>
          </dl>
        )}
        <div className="actions">
          {(running || deploying) && (
            <button type="button" className="danger" disabled={busy} onClick={() => act(() => api.delete(`/api/runs/${enc(run.id)}/deployment`))}>
              Stop
            </button>
          )}
          {versions.length > 0 && (
            <form className="inline" onSubmit={(e) => { e.preventDefault(); act(() => api.post(`/api/runs/${enc(run.id)}/deployment`, { version })); }}>
              <label>
                Version
                <select name="deployVersion" value={version} onChange={(e) => setVersion(Number(e.target.value))}>
                  {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
                </select>
              </label>
              <button type="submit" disabled={busy || deploying}>{deployment ? "Redeploy" : "Deploy"}</button>
            </form>
          )}
        </div>
      </section>
      {deployment && running && <Logs url={deployment.logs} />}
      {deployment && running && <ApiTester proxy={deployment.proxy} />}
    </div>
  );
}

function Logs({ url }: { url: string }) {
  const [lines, setLines] = useState<string[]>([]);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    setLines([]);
    setEnded(false);
    const source = new EventSource(url);
    source.addEventListener("log", (e) => setLines((l) => [...l.slice(-499), (e as MessageEvent).data]));
    source.addEventListener("end", () => {
      setEnded(true);
      source.close();
    });
    return () => source.close();
  }, [url]);
  return (
    <section className="card" aria-label="Service log">
      <h2>Log {ended && <span className="muted">(the service has stopped)</span>}</h2>
      <pre className="log" data-testid="deployment-log">{lines.join("\n") || "Waiting for the service's output…"}</pre>
    </section>
  );
}

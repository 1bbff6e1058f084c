import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, enc } from "../lib/api";
import type { DeploymentItem } from "../lib/types";
import { ErrorNote } from "../components/ErrorNote";
import { when } from "../components/format";
import { useAction } from "../lib/useAction";

/** The caller's deployed services, newest run first: state, expiry, where to call them, stop. */
export function ServicesPage() {
  const [services, setServices] = useState<DeploymentItem[] | null>(null);
  const { busy, error, setError, run: perform } = useAction();

  const load = () => api.get<{ items: DeploymentItem[] }>("/api/deployments").then((list) => setServices(list.items), setError);
  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // a deploy in progress is followed until it settles
  const deploying = services?.some((s) => s.state === "deploying") ?? false;
  useEffect(() => {
    if (!deploying) return;
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deploying]);

  async function stop(service: DeploymentItem) {
    const name = service.service ?? service.runId;
    if (!window.confirm(`Stop and remove the service “${name}”? Its run and code stay.`)) return;
    await perform(async () => {
      await api.delete(`/api/runs/${enc(service.runId)}/deployment`);
      await load();
    });
  }

  return (
    <section>
      <h1>Services</h1>
      <p className="muted">
        The services your runs deployed, the newest first. Each is removed when it expires; call it through its
        run's Deployment tab, or at its proxy path with your API token.
      </p>
      <ErrorNote error={error} />
      {services === null && !error && <p className="muted">Loading…</p>}
      {services && services.length === 0 && <p className="muted">No services running. A run deploys its service once it is approved.</p>}
      {services && services.length > 0 && (
        <table data-testid="services">
          <thead>
            <tr>
              <th>Service</th>
              <th>Project</th>
              <th>State</th>
              <th>Expires</th>
              <th>Proxy</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.runId} data-run={service.runId}>
                <td>
                  <Link to={`/runs/${enc(service.runId)}/deployment`}>{service.service ?? service.runId.slice(0, 8)}</Link>
                </td>
                <td>{service.projectId ? <Link to={`/projects/${enc(service.projectId)}`}>{service.project ?? "project"}</Link> : <span className="muted">—</span>}</td>
                <td data-testid="service-state">{service.state}</td>
                <td>{when(service.expiresAt)}</td>
                <td>
                  <code>{service.proxy}</code>
                </td>
                <td>
                  <button type="button" className="danger" disabled={busy} onClick={() => stop(service)}>
                    Stop
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

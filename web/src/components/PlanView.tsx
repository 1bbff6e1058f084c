import { useEffect, useState } from "react";
import { api, ApiError, enc } from "../lib/api";
import { erDiagramOf } from "../lib/diagrams";
import type { Architecture, Charter, RunDetail, RunEvent } from "../lib/types";
import { Diagram } from "./Diagram";
import { ErrorNote } from "./ErrorNote";
import { Markdown } from "./Markdown";

/** The charter and the latest architecture: design, diagrams, data model, endpoints, file plan. */
export function PlanView({ run, events }: { run: RunDetail; events: readonly RunEvent[] }) {
  const [charter, setCharter] = useState<Charter | null>(null);
  const [architecture, setArchitecture] = useState<Architecture | null>(null);
  const [error, setError] = useState<unknown>(null);
  const plans = events.filter((e) => e.type === "artifact.architecture" || e.type === "artifact.charter").length;

  useEffect(() => {
    const notYet = (failure: unknown) => {
      if (!(failure instanceof ApiError && failure.status === 404)) setError(failure);
    };
    api.get<Charter>(`/api/runs/${enc(run.id)}/charter`).then(setCharter, notYet);
    api.get<Architecture>(`/api/runs/${enc(run.id)}/architecture`).then(setArchitecture, notYet);
  }, [run.id, plans]);

  return (
    <div className="plan" data-testid="plan">
      <ErrorNote error={error} />
      {!charter && !architecture && !error && <p className="muted">No plan yet: Requirements and Architecture come first.</p>}
      {charter && (
        <section className="card">
          <h2>Charter: {charter.name}</h2>
          {charter.entities.map((entity) => (
            <div key={entity.name} className="entity">
              <h3>{entity.name} <span className="muted">/{entity.plural}</span></h3>
              <table>
                <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>References</th></tr></thead>
                <tbody>
                  {entity.fields.map((f) => (
                    <tr key={f.name}><td><code>{f.name}</code></td><td>{f.type}</td><td>{f.required ? "yes" : "no"}</td><td>{f.references ?? ""}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
      {architecture && (
        <>
          <section className="card">
            <h2>Design</h2>
            <Markdown source={architecture.designMarkdown} />
          </section>
          <section className="card">
            <h2>Architecture diagram</h2>
            <Diagram source={architecture.mermaid} label="Architecture diagram" />
          </section>
          <section className="card">
            <h2>Data model</h2>
            <Diagram source={erDiagramOf(architecture.dataModel)} label="Entity-relationship diagram of the data model" />
          </section>
          <section className="card">
            <h2>Endpoints</h2>
            <table data-testid="endpoints">
              <thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead>
              <tbody>
                {architecture.endpoints.map((e) => (
                  <tr key={`${e.method} ${e.path}`}>
                    <td><span className={`method method-${e.method.toLowerCase()}`}>{e.method}</span></td>
                    <td><code>{e.path}</code></td>
                    <td>{e.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>Components and files</h2>
            <ul>
              {architecture.components.map((c) => (
                <li key={c.name}><code>{c.name}</code> — {c.responsibility}</li>
              ))}
            </ul>
            <table>
              <thead><tr><th>File</th><th>Purpose</th></tr></thead>
              <tbody>
                {architecture.filePlan.map((f) => (
                  <tr key={f.path}><td><code>{f.path}</code></td><td>{f.purpose}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../lib/api";
import type { Project } from "../lib/types";
import { ErrorNote } from "../components/ErrorNote";
import { when } from "../components/format";

export function ProjectsPage() {
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const navigate = useNavigate();

  useEffect(() => {
    api.get<{ items: Project[] }>("/api/projects?limit=200").then((list) => setProjects(list.items), setError);
  }, []);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const project = await api.post<Project>("/api/projects", { name });
      navigate(`/projects/${project.id}`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section>
      <h1>Projects</h1>
      <form className="inline" onSubmit={create}>
        <label>
          New project
          <input name="projectName" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="bookstore" />
        </label>
        <button type="submit">Create project</button>
      </form>
      <ErrorNote error={error} />
      {projects === null && !error && <p className="muted">Loading…</p>}
      {projects && projects.length === 0 && (
        <p className="muted">No projects yet: create one, then describe the service you want.</p>
      )}
      {projects && projects.length > 0 && (
        <ul className="cards" data-testid="projects">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <Link to={`/projects/${p.id}`}>
                <strong>{p.name}</strong>
              </Link>
              <span className="muted"> · updated {when(p.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, enc, messageOf } from "../lib/api";
import { useSession } from "../lib/session";
import type { DocumentList, ProjectDocument } from "../lib/types";
import { ErrorNote } from "./ErrorNote";
import { size, when } from "./format";

/** The server refuses a document above this size (413); checked here first to spare the upload. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const DOCUMENT_ACCEPT = ".txt,.md,.markdown,.pdf,text/plain,text/markdown,application/pdf";

const TYPE_NAMES: Record<string, string> = {
  "text/markdown": "Markdown",
  "text/plain": "Text",
  "application/pdf": "PDF",
};

export function typeName(mediaType: string): string {
  return TYPE_NAMES[mediaType] ?? mediaType;
}

/** A refusal of one file, said with the file's name and the server's reason. */
interface Refusal {
  name: string;
  error: unknown;
}

/** The project's documents: listed, attached (txt, Markdown or PDF) and removed. */
export function DocumentsSection({ projectId }: { projectId: string }) {
  const { server } = useSession();
  const [documents, setDocuments] = useState<ProjectDocument[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [added, setAdded] = useState<ProjectDocument | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setDocuments(null);
    setListError(null);
    api.get<DocumentList>(`/api/projects/${enc(projectId)}/documents`).then((list) => setDocuments(list.items), setListError);
  }, [projectId]);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file || uploading) return;
    setRefusal(null);
    setAdded(null);
    if (file.size > MAX_DOCUMENT_BYTES) {
      setRefusal({ name: file.name, error: new Error(
          `It is ${file.size.toLocaleString("en")} bytes; the limit is 5 MiB (${MAX_DOCUMENT_BYTES.toLocaleString("en")} bytes).`,
        ) });
      return;
    }
    setUploading(file);
    try {
      const document = await api.upload<ProjectDocument>(`/api/projects/${enc(projectId)}/documents`, file);
      setDocuments((list) => [document, ...(list ?? []).filter((d) => d.id !== document.id)]);
      setAdded(document);
      setFile(null);
      if (input.current) input.current.value = "";
    } catch (failure) {
      setRefusal({ name: file.name, error: failure });
    } finally {
      setUploading(null);
    }
  }

  async function remove(document: ProjectDocument) {
    if (!window.confirm(`Remove “${document.name}” from this project? Runs started from now on no longer read it.`)) return;
    setRefusal(null);
    setAdded(null);
    setRemoving(document.id);
    try {
      await api.delete(`/api/projects/${enc(projectId)}/documents/${enc(document.id)}`);
      setDocuments((list) => (list ?? []).filter((d) => d.id !== document.id));
    } catch (failure) {
      setRefusal({ name: document.name, error: failure });
    } finally {
      setRemoving(null);
    }
  }

  return (
    <section className="card documents" aria-labelledby="documents-heading" data-testid="documents">
      <h2 id="documents-heading">Documents</h2>
      <p className="muted small-note">
        The Requirements agent reads the documents attached here — specs, notes, rules — when it
        writes a run's charter, and cites what it used in the run's feed.
        {server?.offlinePlanner && (
          <> Without a model (the offline planner), a run builds from an attached spec when its description refers to it, e.g. “the API in spec.md”.</>
        )}
      </p>
      <form className="inline upload" onSubmit={upload}>
        <label>
          Attach a document <span className="muted">(.txt, .md, .pdf; up to 5 MiB)</span>
          <input
            ref={input}
            type="file"
            name="document"
            accept={DOCUMENT_ACCEPT}
            disabled={uploading !== null}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setRefusal(null);
              setAdded(null);
            }}
          />
        </label>
        <button type="submit" disabled={!file || uploading !== null}>
          {uploading ? "Uploading…" : "Upload"}
        </button>
      </form>
      {uploading && (
        <p className="busy" role="status" data-testid="upload-busy">
          <progress aria-label={`Uploading ${uploading.name}`} /> Uploading {uploading.name} ({size(uploading.size)}) and indexing it…
        </p>
      )}
      {refusal && (
        <p className="error" role="alert" data-testid="document-refusal">
          <strong>{refusal.name}:</strong> {messageOf(refusal.error)}
        </p>
      )}
      {added && (
        <p className="pass" role="status">
          {added.name} attached: {added.chunks} {added.chunks === 1 ? "chunk" : "chunks"} indexed.
        </p>
      )}
      <ErrorNote error={listError} />
      {documents === null && !listError && <p className="muted">Loading…</p>}
      {documents && documents.length === 0 && <p className="muted">No documents attached.</p>}
      {documents && documents.length > 0 && (
        <ul className="document-list" data-testid="document-list">
          {documents.map((d) => (
            <li key={d.id}>
              <div className="document-name">
                <strong>{d.name}</strong>
                <dl className="document-facts">
                  <div><dt>Type</dt><dd>{typeName(d.mediaType)}</dd></div>
                  <div><dt>Size</dt><dd>{size(d.bytes)}</dd></div>
                  {d.pages != null && <div><dt>Pages</dt><dd>{d.pages}</dd></div>}
                  <div><dt>Chunks</dt><dd>{d.chunks}</dd></div>
                  <div><dt>Added</dt><dd>{when(d.createdAt)}</dd></div>
                </dl>
              </div>
              <button
                type="button"
                className="danger small"
                aria-label={`Remove ${d.name}`}
                disabled={removing === d.id}
                onClick={() => remove(d)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

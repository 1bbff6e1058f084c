import { useEffect, useState, type FormEvent } from "react";
import { api, enc } from "../lib/api";
import type { IssuedToken, Token } from "../lib/types";
import { ErrorNote } from "../components/ErrorNote";
import { when } from "../components/format";

/** Personal API tokens for the CLI: create (shown once), list with last use, revoke. */
export function TokensPage() {
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const [name, setName] = useState("");
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = () => api.get<Token[]>("/api/tokens").then(setTokens, setError);
  useEffect(() => {
    load();
  }, []);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setIssued(await api.post<IssuedToken>("/api/tokens", { name }));
      setName("");
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  async function revoke(token: Token) {
    if (!window.confirm(`Revoke the token “${token.name}”? Clients using it stop working.`)) return;
    try {
      await api.delete(`/api/tokens/${enc(token.id)}`);
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section>
      <h1>API tokens</h1>
      <p className="muted">
        For the CLI and scripts: <code>forgeflow login --token-stdin</code>, or send{" "}
        <code>Authorization: Bearer …</code>.
      </p>
      <form className="inline" onSubmit={create}>
        <label>
          Name
          <input name="tokenName" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="laptop CLI" />
        </label>
        <button type="submit">Create token</button>
      </form>
      {issued && (
        <div className="card notice" role="status" data-testid="issued-token">
          <p>
            <strong>Copy it now: it is shown only once.</strong>
          </p>
          <code className="secret">{issued.token}</code>
          <p>
            <button type="button" onClick={() => navigator.clipboard?.writeText(issued.token)}>Copy</button>{" "}
            <button type="button" className="secondary" onClick={() => setIssued(null)}>Done</button>
          </p>
        </div>
      )}
      <ErrorNote error={error} />
      {tokens && tokens.length === 0 && <p className="muted">No tokens yet.</p>}
      {tokens && tokens.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Prefix</th>
              <th>Created</th>
              <th>Last used</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className={t.revokedAt ? "revoked" : undefined}>
                <td>{t.name}</td>
                <td><code>{t.prefix}…</code></td>
                <td>{when(t.createdAt)}</td>
                <td>{t.lastUsedAt ? when(t.lastUsedAt) : "never"}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="muted">revoked {when(t.revokedAt)}</span>
                  ) : (
                    <button type="button" className="danger small" onClick={() => revoke(t)}>Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useEffect, useState, type FormEvent } from "react";
import { api, enc, messageOf } from "../lib/api";
import type { CreatedWebhook, Webhook, WebhookDelivery, WebhookDeliveryList, WebhookList } from "../lib/types";
import { ErrorNote } from "./ErrorNote";
import { when } from "./format";

/** What an attempt came to, in a few words. */
export function attemptState(d: WebhookDelivery): string {
  const answer = d.statusCode != null ? `HTTP ${d.statusCode}` : d.error ?? "no answer";
  if (d.deliveredAt) return `delivered (${answer})`;
  return `${d.last ? "failed" : "failed, will retry"} (${answer})`;
}

/** The project's webhooks: registered (the secret shown once), listed with their deliveries, removed. */
export function WebhooksSection({ projectId }: { projectId: string }) {
  const base = `/api/projects/${enc(projectId)}/webhooks`;
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [url, setUrl] = useState("");
  const [refusal, setRefusal] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Record<string, WebhookDelivery[] | undefined>>({});

  useEffect(() => {
    setWebhooks(null);
    setListError(null);
    api.get<WebhookList>(base).then((list) => setWebhooks(list.items), setListError);
  }, [base]);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!url.trim() || busy) return;
    setRefusal(null);
    setCreated(null);
    setBusy(true);
    try {
      const webhook = await api.post<CreatedWebhook>(base, { url: url.trim() });
      setCreated(webhook);
      setWebhooks((list) => [webhook, ...(list ?? [])]);
      setUrl("");
    } catch (failure) {
      setRefusal(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove(webhook: Webhook) {
    if (!window.confirm(`Remove the webhook to ${webhook.url}? Deliveries not yet made to it are dropped.`)) return;
    setRefusal(null);
    try {
      await api.delete(`${base}/${enc(webhook.id)}`);
      setWebhooks((list) => (list ?? []).filter((w) => w.id !== webhook.id));
      if (created?.id === webhook.id) setCreated(null);
    } catch (failure) {
      setRefusal(failure);
    }
  }

  async function deliveries(webhook: Webhook) {
    try {
      const list = await api.get<WebhookDeliveryList>(`${base}/${enc(webhook.id)}/deliveries?limit=20`);
      setShown((all) => ({ ...all, [webhook.id]: list.items }));
    } catch (failure) {
      setRefusal(failure);
    }
  }

  return (
    <section className="card webhooks" aria-labelledby="webhooks-heading" data-testid="webhooks">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted small-note">
        When a run of this project ends, its outcome is POSTed as JSON to each URL here, signed with
        HMAC-SHA256 in the Forgeflow-Signature header, and retried for up to a day.
      </p>
      <form className="inline" onSubmit={add}>
        <label>
          URL
          <input
            type="url"
            name="webhook-url"
            placeholder="https://hooks.example.com/forgeflow"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!url.trim() || busy}>
          {busy ? "Adding…" : "Add webhook"}
        </button>
      </form>
      {refusal != null && (
        <p className="error" role="alert" data-testid="webhook-refusal">
          {messageOf(refusal)}
        </p>
      )}
      {created && (
        <div className="pass" role="status" data-testid="webhook-secret">
          <p>
            Webhook added. Its signing secret is shown <strong>only now</strong>: keep it with the receiver.
          </p>
          <code>{created.secret}</code>
        </div>
      )}
      <ErrorNote error={listError} />
      {webhooks === null && !listError && <p className="muted">Loading…</p>}
      {webhooks && webhooks.length === 0 && <p className="muted">No webhooks.</p>}
      {webhooks && webhooks.length > 0 && (
        <ul className="webhook-list" data-testid="webhook-list">
          {webhooks.map((w) => (
            <li key={w.id}>
              <div>
                <strong>{w.url}</strong> <span className="muted">added {when(w.createdAt)}</span>
                {shown[w.id] && (
                  <ul className="deliveries" data-testid={`deliveries-${w.id}`}>
                    {shown[w.id]!.length === 0 && <li className="muted">No deliveries yet.</li>}
                    {shown[w.id]!.map((d) => (
                      <li key={`${d.deliveryId}-${d.attempt}`}>
                        run {d.runId}, attempt {d.attempt}: {attemptState(d)}
                        {d.responseMillis != null && <span className="muted"> in {d.responseMillis} ms</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <button type="button" className="small" onClick={() => deliveries(w)}>
                Deliveries
              </button>
              <button type="button" className="danger small" aria-label={`Remove ${w.url}`} onClick={() => remove(w)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

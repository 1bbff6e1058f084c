package dev.forgeflow.store;

import dev.forgeflow.store.accounts.InMemoryAccounts;
import dev.forgeflow.store.audit.InMemoryAuditLog;
import dev.forgeflow.store.projects.InMemoryDocumentStore;
import dev.forgeflow.store.projects.InMemoryProjectStore;
import dev.forgeflow.store.webhooks.InMemoryWebhookStore;

/**
 * Fake stores for fast tests: thread-safe, in memory, honouring the same contracts as the
 * PostgreSQL stores (gapless journal sequence numbers, blocking {@code awaitAfter}, versioned
 * content-addressed bundles, accounts with hashed secrets). JSON is kept as given, not normalised
 * as PostgreSQL does.
 */
public final class InMemoryStores {

  private InMemoryStores() {}

  /** A fresh, empty set of in-memory stores. */
  public static Stores create() {
    InMemoryAccounts accounts = new InMemoryAccounts();
    InMemoryRunStore runs = new InMemoryRunStore(id -> accounts.findUser(id).isPresent());
    InMemoryProjectStore projects =
        new InMemoryProjectStore(id -> accounts.findUser(id).isPresent());
    runs.hideProjects(projects::isDeleted);
    return new Stores(
        runs,
        new InMemoryRunJournal(runs),
        new InMemoryArtifactStore(runs),
        new InMemoryBundleStore(runs),
        new InMemoryLlmCallLog(runs),
        new InMemoryDeploymentStore(runs),
        new InMemoryReplyLedger(runs),
        accounts,
        projects,
        new InMemoryDocumentStore(projects::exists),
        new InMemoryWebhookStore(projects::exists),
        new InMemoryAuditLog(projects::isOwner));
  }
}

package dev.forgeflow.store;

import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.audit.AuditLog;
import dev.forgeflow.store.audit.PostgresAuditLog;
import dev.forgeflow.store.projects.DocumentStore;
import dev.forgeflow.store.projects.PostgresDocumentStore;
import dev.forgeflow.store.projects.PostgresProjectStore;
import dev.forgeflow.store.projects.ProjectStore;
import dev.forgeflow.store.webhooks.PostgresWebhookStore;
import dev.forgeflow.store.webhooks.WebhookStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Every store of Forgeflow, wired to one database ({@code replies}: the model replies a retried
 * activity reuses; {@code accounts}: users, their API tokens and sessions). Close it before closing
 * the data source ({@code projects}: users' projects): the journal keeps one connection listening
 * for new events while anyone waits for them ({@code webhooks}: projects' webhooks and their
 * delivery log; {@code audit}: the append-only audit trail).
 */
public record Stores(
    RunStore runs,
    RunJournal journal,
    ArtifactStore artifacts,
    BundleStore bundles,
    LlmCallLog llmCalls,
    DeploymentStore deployments,
    ReplyLedger replies,
    Accounts accounts,
    ProjectStore projects,
    DocumentStore documents,
    WebhookStore webhooks,
    AuditLog audit)
    implements AutoCloseable {

  /** Stores without an audit trail; {@link #audit()} then throws. */
  public Stores(
      RunStore runs,
      RunJournal journal,
      ArtifactStore artifacts,
      BundleStore bundles,
      LlmCallLog llmCalls,
      DeploymentStore deployments,
      ReplyLedger replies,
      Accounts accounts,
      ProjectStore projects,
      DocumentStore documents,
      WebhookStore webhooks) {
    this(
        runs,
        journal,
        artifacts,
        bundles,
        llmCalls,
        deployments,
        replies,
        accounts,
        projects,
        documents,
        webhooks,
        (AuditLog) null);
  }

  /** Stores without webhooks and an audit trail; {@link #webhooks()} then throws. */
  public Stores(
      RunStore runs,
      RunJournal journal,
      ArtifactStore artifacts,
      BundleStore bundles,
      LlmCallLog llmCalls,
      DeploymentStore deployments,
      ReplyLedger replies,
      Accounts accounts,
      ProjectStore projects,
      DocumentStore documents) {
    this(
        runs,
        journal,
        artifacts,
        bundles,
        llmCalls,
        deployments,
        replies,
        accounts,
        projects,
        documents,
        null);
  }

  /** Stores without project documents; {@link #documents()} then throws. */
  public Stores(
      RunStore runs,
      RunJournal journal,
      ArtifactStore artifacts,
      BundleStore bundles,
      LlmCallLog llmCalls,
      DeploymentStore deployments,
      ReplyLedger replies,
      Accounts accounts,
      ProjectStore projects) {
    this(
        runs,
        journal,
        artifacts,
        bundles,
        llmCalls,
        deployments,
        replies,
        accounts,
        projects,
        null,
        null);
  }

  /** Stores without projects; {@link #projects()} then throws. */
  public Stores(
      RunStore runs,
      RunJournal journal,
      ArtifactStore artifacts,
      BundleStore bundles,
      LlmCallLog llmCalls,
      DeploymentStore deployments,
      ReplyLedger replies,
      Accounts accounts) {
    this(
        runs,
        journal,
        artifacts,
        bundles,
        llmCalls,
        deployments,
        replies,
        accounts,
        null,
        null,
        null);
  }

  /**
   * Stores without accounts, for callers that assemble them from parts and need none; {@link
   * #accounts()} then throws.
   */
  public Stores(
      RunStore runs,
      RunJournal journal,
      ArtifactStore artifacts,
      BundleStore bundles,
      LlmCallLog llmCalls,
      DeploymentStore deployments,
      ReplyLedger replies) {
    this(runs, journal, artifacts, bundles, llmCalls, deployments, replies, null, null, null, null);
  }

  /** The PostgreSQL stores; the schema must be migrated first ({@link Database#migrate}). */
  public static Stores postgres(DataSource dataSource) {
    DSLContext db = DSL.using(dataSource, SQLDialect.POSTGRES);
    return new Stores(
        new PostgresRunStore(db),
        new PostgresRunJournal(db, new JournalListener(dataSource)),
        new PostgresArtifactStore(db),
        new PostgresBundleStore(db),
        new PostgresLlmCallLog(db),
        new PostgresDeploymentStore(db),
        new PostgresReplyLedger(db),
        Accounts.postgres(dataSource),
        new PostgresProjectStore(db, Clock.systemUTC()),
        new PostgresDocumentStore(db, Clock.systemUTC()),
        new PostgresWebhookStore(db, Clock.systemUTC()),
        new PostgresAuditLog(db, Clock.systemUTC()));
  }

  /**
   * Projects' webhooks and their delivery log.
   *
   * @throws IllegalStateException if these stores were assembled without them
   */
  @Override
  public WebhookStore webhooks() {
    return assembled(webhooks, "webhooks");
  }

  /**
   * The audit trail.
   *
   * @throws IllegalStateException if these stores were assembled without it
   */
  @Override
  public AuditLog audit() {
    return assembled(audit, "an audit trail");
  }

  /**
   * The documents attached to projects.
   *
   * @throws IllegalStateException if these stores were assembled without them
   */
  @Override
  public DocumentStore documents() {
    return assembled(documents, "project documents");
  }

  /**
   * Users' projects.
   *
   * @throws IllegalStateException if these stores were assembled without projects
   */
  @Override
  public ProjectStore projects() {
    return assembled(projects, "projects");
  }

  /**
   * Users, their API tokens and sessions.
   *
   * @throws IllegalStateException if these stores were assembled without accounts
   */
  @Override
  public Accounts accounts() {
    return assembled(accounts, "accounts");
  }

  private static <T> T assembled(T part, String what) {
    if (part == null) {
      throw new IllegalStateException("These stores were assembled without " + what);
    }
    return part;
  }

  /**
   * The same stores with {@code journal} in place of this one's: a journal that wraps this one (to
   * observe or measure appends) and closes it when closed.
   */
  public Stores withJournal(RunJournal journal) {
    return new Stores(
        runs,
        journal,
        artifacts,
        bundles,
        llmCalls,
        deployments,
        replies,
        accounts,
        projects,
        documents,
        webhooks,
        audit);
  }

  /**
   * Stops the journal's listener, if it has one (a journal that can be closed is closed). The
   * stores are not to be used afterwards.
   */
  @Override
  public void close() {
    if (journal instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("the journal did not close", e);
      }
    }
  }
}

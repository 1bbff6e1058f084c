package dev.forgeflow.orchestrator.deploy;

import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.LogStream;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows each deployed service's log into its run's journal as {@code deploy.log} events: lines
 * batched every half second, at most {@value #MAX_LINES} lines per deployment (then one event
 * saying the rest is in {@code forgeflow logs}) and at most {@value #MAX_PENDING} lines held
 * between two flushes (the rest counted as dropped), each line cut at {@link
 * LogStream#MAX_LINE_CHARS} characters. Following ends when the container stops, when the project
 * is redeployed, or when this closes.
 */
public final class LogJournaling implements AutoCloseable {
  public static final int MAX_LINES = 5_000;
  static final int MAX_PENDING = 500;
  private static final Logger LOG = LoggerFactory.getLogger(LogJournaling.class);

  private final Deployments deployments;
  private final RunJournal journal;
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "forgeflow-deploy-logs"));
  private final Map<String, Follower> following = new ConcurrentHashMap<>();

  public LogJournaling(Deployments deployments, RunJournal journal) {
    this.deployments = deployments;
    this.journal = journal;
  }

  /**
   * Starts following the project's service, running in {@code container}, for the run, replacing an
   * earlier follower.
   */
  public void follow(String runId, String project, String container) {
    Follower follower = new Follower(runId, project, container);
    Follower previous = following.put(project, follower);
    if (previous != null) {
      previous.close();
    }
    follower.stream = deployments.logs(project, 0, true, follower::line);
    follower.flushing =
        flusher.scheduleWithFixedDelay(follower::flush, 500, 500, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    following.values().forEach(Follower::close);
    flusher.shutdownNow();
  }

  private final class Follower {
    private final String runId;
    private final String project;
    private final String container;
    private final List<String> pending = new ArrayList<>();
    private int total;
    private int dropped;
    private boolean announced;
    private volatile LogStream stream;
    private volatile java.util.concurrent.ScheduledFuture<?> flushing;

    Follower(String runId, String project, String container) {
      this.runId = runId;
      this.project = project;
      this.container = container;
    }

    synchronized void line(String line) {
      if (total < MAX_LINES && pending.size() < MAX_PENDING) {
        pending.add(line);
      } else if (total < MAX_LINES) {
        dropped++;
      }
      total++;
    }

    synchronized void flush() {
      // The line past the limit may come after the last batch that had lines: it is said once,
      // in a batch of its own if need be.
      boolean announce = total > MAX_LINES && !announced;
      if (pending.isEmpty() && !announce) {
        return;
      }
      Fact.DeployLog batch =
          new Fact.DeployLog(
              project,
              pending,
              dropped > 0 ? dropped : null,
              announce ? "more than " + MAX_LINES + " lines: see forgeflow logs" : null,
              container);
      announced |= announce;
      dropped = 0;
      pending.clear();
      try {
        // Outside any activity, and each batch is new: no fact key.
        JournalEntry entry = JournalEntry.unkeyed(batch);
        journal.append(runId, entry.type(), entry.payloadJson(), entry.attempt(), entry.factKey());
      } catch (RuntimeException e) {
        LOG.warn("could not journal the log of {}: {}", project, e.getMessage());
      }
    }

    void close() {
      if (flushing != null) {
        flushing.cancel(false);
      }
      flush();
      try {
        if (stream != null) {
          stream.close();
        }
      } catch (IOException e) {
        LOG.debug("closing the log stream of {}", project, e);
      }
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}

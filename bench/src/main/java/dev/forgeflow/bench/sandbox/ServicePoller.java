package dev.forgeflow.bench.sandbox;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of the deployed service polling {@code GET /docs} every 20 ms at the URL the run's
 * latest {@code deploy.ready} names: counts failed requests and the longest gap between answers.
 */
final class ServicePoller implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final RunJournal journal;
  private final String runId;
  private final AtomicInteger failed = new AtomicInteger();
  private final Thread thread = new Thread(this::poll, "bench-poller");
  private volatile boolean stopped;
  private volatile long longestGapNanos;

  ServicePoller(RunJournal journal, String runId) {
    this.journal = journal;
    this.runId = runId;
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    long lastAnswer = System.nanoTime();
    while (!stopped) {
      try {
        int status =
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/docs"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          long now = System.nanoTime();
          longestGapNanos = Math.max(longestGapNanos, now - lastAnswer);
          lastAnswer = now;
        } else {
          failed.incrementAndGet();
        }
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!stopped) {
          failed.incrementAndGet();
        }
      }
    }
  }

  private String url() throws Exception {
    String url = "";
    for (JournalEvent event : journal.readAfter(runId, 0, 10_000)) {
      if (event.type().equals(Fact.DeployReady.TYPE)) {
        url = Facts.read(Fact.DeployReady.class, event.payloadJson()).url();
      }
    }
    return url;
  }

  double longestGapMillis() {
    return longestGapNanos / 1e6;
  }

  int failedRequests() {
    return failed.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join(5_000);
  }
}

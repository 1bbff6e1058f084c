package dev.forgeflow.sandbox.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of a deployed service that polls {@code GET /notes} every 20 ms at the URL the run's
 * latest {@code deploy.ready} event names, as a client following the journal would, and counts
 * every request that did not answer 200.
 */
final class Poller implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final RunJournal journal;
  private final String runId;
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();
  private final Thread thread;
  private volatile String lastAnswered = "";
  private volatile boolean stopped;

  private Poller(RunJournal journal, String runId) {
    this.journal = journal;
    this.runId = runId;
    this.thread = new Thread(this::poll, "deploy-poller");
    thread.setDaemon(true);
  }

  static Poller following(RunJournal journal, String runId) {
    Poller poller = new Poller(journal, runId);
    poller.thread.start();
    return poller;
  }

  private void poll() {
    while (!stopped) {
      String url = currentUrl();
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/notes"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          answered.incrementAndGet();
          lastAnswered = url;
        } else {
          failures.add(url + " answered " + response.statusCode());
        }
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failures.add(url + ": " + e);
      }
    }
  }

  private String currentUrl() {
    String url = "";
    for (JournalEvent event : journal.readAfter(runId, 0, 1_000)) {
      if (event.type().equals("deploy.ready")) {
        try {
          url = JSON.readTree(event.payloadJson()).get("url").asText();
        } catch (Exception unreadable) {
          // keep the previous one
        }
      }
    }
    return url;
  }

  /** Waits until a request to {@code url} has been answered, at most ten seconds. */
  void awaitAnswerFrom(String url) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!lastAnswered.equals(url) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  int answered() {
    return answered.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join(5_000);
  }
}

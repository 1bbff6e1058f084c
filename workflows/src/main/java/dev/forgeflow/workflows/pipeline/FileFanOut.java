package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.implementer.ImplementedFile;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one Implementer activity per file, at most {@code concurrency} at a time. Before each launch
 * it calls {@code beforeLaunch} (the budget check); each finished file goes to {@code onDone}.
 */
final class FileFanOut {
  private final int concurrency;

  FileFanOut(int concurrency) {
    this.concurrency = Math.max(1, concurrency);
  }

  /** Launches {@code launch} (the Implementer activity, started asynchronously) for each input. */
  List<ImplementedFile> run(
      List<ImplementFileInput> inputs,
      Function<ImplementFileInput, Promise<ImplementedFile>> launch,
      Runnable beforeLaunch,
      Consumer<ImplementedFile> onDone) {
    List<ImplementedFile> done = new ArrayList<>();
    List<Promise<ImplementedFile>> inFlight = new ArrayList<>();
    for (ImplementFileInput input : inputs) {
      while (inFlight.size() >= concurrency) {
        Promise.anyOf(inFlight).get();
        collect(inFlight, done, onDone);
      }
      beforeLaunch.run();
      inFlight.add(launch.apply(input));
    }
    Promise.allOf(inFlight).get();
    collect(inFlight, done, onDone);
    return done;
  }

  private static void collect(
      List<Promise<ImplementedFile>> inFlight,
      List<ImplementedFile> done,
      Consumer<ImplementedFile> onDone) {
    for (var it = inFlight.iterator(); it.hasNext(); ) {
      Promise<ImplementedFile> promise = it.next();
      if (promise.isCompleted()) {
        it.remove();
        ImplementedFile file = promise.get();
        onDone.accept(file);
        done.add(file);
      }
    }
  }
}

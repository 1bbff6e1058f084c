package dev.forgeflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lines out, answers in. Every line goes through {@link TerminalText#clean}: much of what is
 * printed comes from a model or a container. Answers are read on a thread of their own, so that a
 * question can be given up when it no longer needs an answer.
 */
final class Terminal {
  private static final Optional<String> END_OF_INPUT = Optional.empty();
  private final PrintStream out;
  private final BufferedReader in;
  private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
  private Thread reader;

  Terminal(PrintStream out, BufferedReader in) {
    this.out = out;
    this.in = in;
  }

  void println(String line) {
    out.println(TerminalText.clean(line));
    out.flush();
  }

  /**
   * Asks and returns the trimmed answer, or null when input has ended or {@code stillWanted} (asked
   * about once a second) says the answer is no longer needed.
   */
  String ask(String question, BooleanSupplier stillWanted) {
    out.print(TerminalText.clean(question));
    out.flush();
    startReading();
    try {
      while (true) {
        Optional<String> answer = answers.poll(1, TimeUnit.SECONDS);
        if (answer != null) {
          if (answer.isEmpty()) {
            answers.add(END_OF_INPUT); // input stays ended for the next question
          }
          return answer.map(String::trim).orElse(null);
        }
        if (!stillWanted.getAsBoolean()) {
          out.println();
          return null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private synchronized void startReading() {
    if (reader == null) {
      reader = new Thread(this::read, "forgeflow-input");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void read() {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        answers.add(Optional.of(line));
      }
    } catch (IOException closed) {
      // the same as the end of input
    }
    answers.add(END_OF_INPUT);
  }
}

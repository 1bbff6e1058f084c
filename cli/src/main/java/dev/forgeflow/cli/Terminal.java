package dev.forgeflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Lines out, answers in. */
final class Terminal {
  private final PrintStream out;
  private final BufferedReader in;

  Terminal(PrintStream out, BufferedReader in) {
    this.out = out;
    this.in = in;
  }

  void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Asks and returns the trimmed answer, or null when input has ended. */
  String ask(String question) {
    out.print(question);
    out.flush();
    try {
      String line = in.readLine();
      return line == null ? null : line.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.forgeflow.agents.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The curated knowledge the agents are always told, kept as resources under {@code
 * dev/forgeflow/agents/knowledge/}: the rules generated services must keep.
 */
public final class Knowledge {

  private static final String SERVICE_HARDENING = read("service-hardening.md");

  private Knowledge() {}

  /** The rules that keep a service standing under the checks' attack stage, without the title. */
  public static String serviceHardening() {
    return SERVICE_HARDENING;
  }

  private static String read(String name) {
    String path = "/dev/forgeflow/agents/knowledge/" + name;
    try (InputStream in = Knowledge.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing knowledge resource " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(text.indexOf('\n') + 1).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.forgeflow.sandbox.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host firewall rules that cut a sandbox bridge off: in {@code DOCKER-USER} every packet that
 * enters from the bridge and would be forwarded is dropped (no route out of the host), and in
 * {@code INPUT} every packet from the bridge to the host itself that does not belong to a
 * connection the host opened is dropped (no service of the host, nor any of its addresses, is
 * reachable). Each rule names only the bridge's interface and carries a comment naming it, so other
 * networks are never touched and removal finds exactly what was inserted.
 */
public final class EgressRules {

  static final String COMMENT_PREFIX = "forgeflow-egress:";
  private static final Pattern COMMENT =
      Pattern.compile("--comment \"?" + COMMENT_PREFIX + "([A-Za-z0-9_.-]+)\"?( |$)");

  private final String iptables;

  /** Rules applied with the {@code iptables} on the PATH, the one the Docker daemon uses. */
  public EgressRules() {
    this("iptables");
  }

  EgressRules(String iptables) {
    this.iptables = iptables;
  }

  /** The rules for a bridge interface, as {@code iptables} arguments after {@code -I}. */
  static List<List<String>> rules(String bridge) {
    String comment = COMMENT_PREFIX + bridge;
    return List.of(
        List.of("DOCKER-USER", "-i", bridge, "-m", "comment", "--comment", comment, "-j", "DROP"),
        List.of(
            "INPUT",
            "-i",
            bridge,
            "-m",
            "conntrack",
            "!",
            "--ctstate",
            "ESTABLISHED,RELATED",
            "-m",
            "comment",
            "--comment",
            comment,
            "-j",
            "DROP"));
  }

  /** Inserts the bridge's rules at the top of their chains; fails if any could not be inserted. */
  public void install(String bridge) {
    remove(bridge);
    for (List<String> rule : rules(bridge)) {
      List<String> args = new ArrayList<>(List.of("-w", "10", "-I"));
      args.addAll(rule);
      run(args);
    }
  }

  /** Deletes every rule carrying the bridge's comment; none left is fine. */
  public void remove(String bridge) {
    for (String chain : List.of("DOCKER-USER", "INPUT")) {
      for (List<String> delete : deletions(list(chain), bridge)) {
        run(delete);
      }
    }
  }

  /** The rules of a chain carrying the bridge's comment, in {@code iptables -S} form. */
  public List<String> list(String chain) {
    return run(List.of("-w", "10", "-S", chain)).lines().toList();
  }

  /** The bridges that have rules in either chain. */
  public Set<String> bridges() {
    Set<String> bridges = new TreeSet<>();
    for (String chain : List.of("DOCKER-USER", "INPUT")) {
      bridges.addAll(bridges(list(chain)));
    }
    return bridges;
  }

  /** The bridges named by the comments of {@code -S} output lines. */
  static Set<String> bridges(List<String> lines) {
    Set<String> bridges = new TreeSet<>();
    Matcher matcher;
    for (String line : lines) {
      if ((matcher = COMMENT.matcher(line)).find()) {
        bridges.add(matcher.group(1));
      }
    }
    return bridges;
  }

  /**
   * The {@code -D} commands that delete the bridge's rules among {@code -S} output lines, whose
   * comment iptables may print in double quotes.
   */
  static List<List<String>> deletions(List<String> lines, String bridge) {
    List<List<String>> deletions = new ArrayList<>();
    for (String line : lines) {
      List<String> tokens =
          Arrays.stream(line.split(" ")).map(t -> t.replaceAll("^\"|\"$", "")).toList();
      int comment = tokens.indexOf("--comment");
      if (tokens.get(0).equals("-A")
          && comment > 0
          && comment + 1 < tokens.size()
          && tokens.get(comment + 1).equals(COMMENT_PREFIX + bridge)) {
        List<String> args = new ArrayList<>(List.of("-w", "10", "-D"));
        args.addAll(tokens.subList(1, tokens.size()));
        deletions.add(args);
      }
    }
    return deletions;
  }

  private String run(List<String> args) {
    List<String> command = new ArrayList<>(List.of(iptables));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new EgressRulesFailed(String.join(" ", command) + ": " + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new EgressRulesFailed(String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgressRulesFailed(String.join(" ", command) + ": interrupted");
    }
  }

  /** The firewall could not be changed: the sandbox is not started without its rules. */
  public static final class EgressRulesFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EgressRulesFailed(String detail) {
      super(
          "Could not change the host firewall that keeps sandboxes from reaching the network"
              + " (the sandbox runner needs root and the iptables the Docker daemon uses): "
              + detail,
          null,
          false,
          false);
    }
  }
}

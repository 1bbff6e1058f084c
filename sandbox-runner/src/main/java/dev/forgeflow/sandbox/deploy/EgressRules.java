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
  private final boolean root;

  /** Rules applied with the {@code iptables} on the PATH, the one the Docker daemon uses. */
  public EgressRules() {
    this("iptables", Privileges.root());
  }

  /**
   * @param iptables the executable, a name looked up on the PATH or a path
   * @param root whether this process runs as root; without root nothing calls iptables at all
   */
  EgressRules(String iptables, boolean root) {
    this.iptables = iptables;
    this.root = root;
  }

  /**
   * Whether rules can be changed here: the process is root and iptables is on the PATH. Asks
   * nothing of iptables itself, so a non-root start never runs it.
   */
  public boolean usable() {
    return root && Privileges.executable(iptables);
  }

  /**
   * Fails, with one sentence saying what is missing, unless the rules can be changed: root,
   * iptables on the PATH, and iptables able to read the {@code DOCKER-USER} chain. What a deploy
   * asks before anything else, so it fails closed and early.
   *
   * @throws EgressRulesFailed naming what is missing
   */
  public void requireUsable() {
    if (!root) {
      throw new EgressRulesFailed("the sandbox runner does not run as root");
    }
    if (!Privileges.executable(iptables)) {
      throw new EgressRulesFailed("no " + iptables + " executable is on the PATH");
    }
    list("DOCKER-USER");
  }

  /** {@link #bridges()}, or none when the rules cannot be read here; never fails. */
  public Set<String> bridgesIfUsable() {
    if (!usable()) {
      return Set.of();
    }
    try {
      return bridges();
    } catch (EgressRulesFailed unreadable) {
      return Set.of();
    }
  }

  /** {@link #remove(String)} when the rules can be changed here; otherwise nothing. */
  public void removeIfUsable(String bridge) {
    if (usable()) {
      remove(bridge);
    }
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
        throw new EgressRulesFailed(iptables + " failed (" + firstLine(output) + ")");
      }
      return output;
    } catch (IOException e) {
      throw new EgressRulesFailed(iptables + " could not be run (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgressRulesFailed(iptables + " was interrupted");
    }
  }

  private static String firstLine(String output) {
    String line = output.strip().lines().findFirst().orElse("no output");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /**
   * The firewall cannot be changed: no service is deployed without its rules. The message is one
   * sentence naming what is missing.
   */
  public static final class EgressRulesFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EgressRulesFailed(String missing) {
      super(
          "Deploying needs host firewall rules that keep the service off the network, which"
              + " need root and the iptables the Docker daemon uses, but "
              + missing
              + ", so nothing was deployed.",
          null,
          false,
          false);
    }
  }
}

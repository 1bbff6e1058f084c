package dev.forgeflow.orchestrator.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.webhooks.CreatedWebhook;
import dev.forgeflow.store.webhooks.WebhookUrls;
import dev.forgeflow.workflows.webhooks.RunFinished;
import dev.forgeflow.workflows.webhooks.WebhookActivities;
import dev.forgeflow.workflows.webhooks.WebhookCall;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification recipes of docs/webhooks.md, run as written on a delivery the activity really
 * made: each accepts it, and refuses it with one byte of the body changed. The Python recipe runs
 * with {@code FORGEFLOW_TEST_PYTHON}; the shell one where {@code sh} and {@code openssl} are.
 */
class VerificationRecipeTest {

  @TempDir Path work;
  private final Stores stores = InMemoryStores.create();
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private Receiver receiver;
  private String secret;
  private Receiver.Received delivery;

  @BeforeEach
  void deliver() {
    receiver = new Receiver();
    String user = stores.accounts().createUser(new NewUser("ada", null, null)).id();
    String project = stores.projects().create(user, "shop").id();
    CreatedWebhook hook = stores.webhooks().create(project, receiver.url("/hook"));
    secret = hook.secret();
    env.registerActivitiesImplementations(
        new WebhookActivitiesImpl(
            stores.runs(),
            stores.webhooks(),
            new WebhookUrls(true),
            "http://127.0.0.1:8080",
            Clock.systemUTC()));
    env.newActivityStub(
            WebhookActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build())
        .deliverWebhook(
            new WebhookCall(
                hook.webhook().id(),
                "dlv_recipe",
                project,
                new RunFinished(
                    "run-9",
                    "FAILED",
                    "FAILED",
                    "requirements failed: café ☕ not understood",
                    "run.failed",
                    Map.of("stage", "REQUIREMENTS"),
                    1_700_000_000_000L)));
    delivery = receiver.received.get(0);
  }

  @AfterEach
  void stop() {
    env.close();
    receiver.close();
  }

  @Test
  void thePythonRecipeVerifiesARealDeliveryAndRefusesATamperedOne() throws Exception {
    String python = System.getenv("FORGEFLOW_TEST_PYTHON");
    assumeTrue(python != null && !python.isBlank(), "FORGEFLOW_TEST_PYTHON names no Python");
    Path script = work.resolve("verify.py");
    Files.writeString(
        script,
        block("python")
            + "\n\nimport sys\n"
            + "body = open(sys.argv[1], 'rb').read()\n"
            + "headers = {'Forgeflow-Webhook-Timestamp': sys.argv[2],"
            + " 'Forgeflow-Signature': sys.argv[3]}\n"
            + "print('accepted' if verify(sys.argv[4], headers, body) else 'refused')\n"
            + "print('accepted' if verify(sys.argv[4], headers, body[:-1] + b' ') else 'refused')\n"
            + "stale = int(sys.argv[2]) + 301\n"
            + "print('accepted' if verify(sys.argv[4], headers, body, now=stale) else 'refused')\n");
    Path body = work.resolve("body.json");
    Files.write(body, delivery.body());

    String out =
        run(
            python,
            script.toString(),
            body.toString(),
            delivery.header("Forgeflow-Webhook-Timestamp"),
            delivery.header("Forgeflow-Signature"),
            secret);

    assertThat(out.lines()).containsExactly("accepted", "refused", "refused");
  }

  @Test
  void theShellRecipeVerifiesARealDeliveryAndRefusesATamperedOne() throws Exception {
    assumeTrue(onPath("openssl") && onPath("sh"), "no sh and openssl here");
    Path script = work.resolve("verify.sh");
    Files.writeString(script, block("sh"));
    Files.write(work.resolve("body.json"), delivery.body());

    String accepted = shell(script, delivery.header("Forgeflow-Signature"));
    byte[] tampered = delivery.body().clone();
    tampered[tampered.length - 2] ^= 1;
    Files.write(work.resolve("body.json"), tampered);
    String refused = shell(script, delivery.header("Forgeflow-Signature"));

    assertThat(accepted.strip()).isEqualTo("verified");
    assertThat(refused).contains("bad signature");
  }

  private String shell(Path script, String signature) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("sh", script.toString())
            .directory(work.toFile())
            .redirectErrorStream(true);
    builder.environment().put("FORGEFLOW_WEBHOOK_SECRET", secret);
    builder.environment().put("timestamp", delivery.header("Forgeflow-Webhook-Timestamp"));
    builder.environment().put("signature", signature);
    return output(builder);
  }

  private static String run(String... command) throws Exception {
    return output(new ProcessBuilder(command).redirectErrorStream(true));
  }

  private static String output(ProcessBuilder builder) throws Exception {
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** The one fenced code block of this language in the "Verifying a delivery" sections. */
  private static String block(String language) throws IOException {
    String docs = Files.readString(docs());
    Matcher fence = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(docs);
    List<String> blocks = new ArrayList<>();
    int verifying = docs.indexOf("### Verifying a delivery");
    while (fence.find()) {
      if (fence.start() > verifying) {
        blocks.add(fence.group(1));
      }
    }
    assertThat(blocks)
        .as("```%s blocks after the first verification heading", language)
        .isNotEmpty();
    return blocks.get(0);
  }

  private static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/webhooks.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("docs/webhooks.md above the working directory").isNotNull();
    return dir.resolve("docs/webhooks.md");
  }
}

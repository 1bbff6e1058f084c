package dev.forgeflow.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SettingsCheckTest {

  /** Settings that take any text: no value of theirs is wrong. */
  private static final Set<String> ANY_TEXT =
      Set.of(
          "FORGEFLOW_DATA_DIR",
          "FORGEFLOW_DATABASE_USER",
          "FORGEFLOW_DATABASE_PASSWORD",
          "FORGEFLOW_TEMPORAL_CLI",
          "FORGEFLOW_SANDBOX_RUNTIME_PROFILE",
          "FORGEFLOW_GATEWAY_DATABASE_PASSWORD");

  private static final String MODEL =
      "contains spaces; expected a model name without spaces, such as gpt-4o-mini, or empty";

  static Stream<Arguments> wrongValues() {
    return Stream.of(
        row(
            "FORGEFLOW_DATABASE_URL",
            "mysql://db/forge",
            "FORGEFLOW_DATABASE_URL=mysql://db/forge: not a PostgreSQL JDBC URL; expected"
                + " jdbc:postgresql://host:5432/database, or empty for the embedded database"),
        row(
            "FORGEFLOW_DATABASE_POOL_SIZE",
            "many",
            "FORGEFLOW_DATABASE_POOL_SIZE=many: not a whole number; expected connections, a whole"
                + " number of at least 1, such as 16"),
        row(
            "FORGEFLOW_TEMPORAL_TARGET",
            "localhost",
            "FORGEFLOW_TEMPORAL_TARGET=localhost: not host:port; expected host:port of a Temporal"
                + " frontend, such as 127.0.0.1:7233, or empty"),
        row(
            "FORGEFLOW_TEMPORAL_NAMESPACE",
            "my space",
            "FORGEFLOW_TEMPORAL_NAMESPACE=my space: empty or contains spaces; expected a Temporal"
                + " namespace name without spaces, such as default"),
        row(
            "FORGEFLOW_TEMPORAL_LOCAL",
            "docker",
            "FORGEFLOW_TEMPORAL_LOCAL=docker: neither dev-server nor in-process; expected"
                + " dev-server or in-process"),
        row(
            "FORGEFLOW_IMPLEMENTER_CONCURRENCY",
            "0",
            "FORGEFLOW_IMPLEMENTER_CONCURRENCY=0: less than 1; expected files at once, a whole"
                + " number of at least 1, such as 4"),
        row(
            "FORGEFLOW_MAX_REVIEW_ROUNDS",
            "two",
            "FORGEFLOW_MAX_REVIEW_ROUNDS=two: not a whole number; expected rounds, a whole number"
                + " of at least 1, such as 3"),
        row(
            "FORGEFLOW_CHROMA_URL",
            "127.0.0.1:8000",
            "FORGEFLOW_CHROMA_URL=127.0.0.1:8000: not an http(s) URL; expected the http(s) URL of"
                + " a Chroma server, such as http://127.0.0.1:8000, or empty"),
        row(
            "FORGEFLOW_EMBEDDINGS_MODEL",
            "text embedding",
            "FORGEFLOW_EMBEDDINGS_MODEL=text embedding: contains spaces; expected an embedding"
                + " model name of the model endpoint, or empty"),
        row(
            "FORGEFLOW_SANDBOX",
            "on",
            "FORGEFLOW_SANDBOX=on: neither auto nor off; expected auto (on where a Docker daemon"
                + " answers) or off"),
        row(
            "FORGEFLOW_SANDBOX_BASE_IMAGE",
            "Forgeflow Image",
            "FORGEFLOW_SANDBOX_BASE_IMAGE=Forgeflow Image: not a Docker image name; expected a"
                + " Docker image name, such as forgeflow/sandbox-python:latest"),
        row(
            "FORGEFLOW_LOG_FORMAT",
            "yaml",
            "FORGEFLOW_LOG_FORMAT=yaml: neither text nor json; expected text or json"),
        row(
            "FORGEFLOW_ROLES",
            "gateway;agents",
            "FORGEFLOW_ROLES=gateway;agents: not a list of roles; expected a comma-separated list"
                + " of gateway, agents and sandbox, such as gateway,agents"),
        row(
            "FORGEFLOW_SANDBOX_HOST",
            "docker host",
            "FORGEFLOW_SANDBOX_HOST=docker host: not a host name; expected a host name of letters,"
                + " digits, dots, dashes and underscores (at most 63), such as docker-1, or empty"
                + " for this machine's"),
        row(
            "FORGEFLOW_OTLP_ENDPOINT",
            "127.0.0.1:4318",
            "FORGEFLOW_OTLP_ENDPOINT=127.0.0.1:4318: not an http(s) URL; expected the http(s) URL"
                + " of an OTLP collector, such as http://127.0.0.1:4318, or empty"),
        row(
            "FORGEFLOW_OTLP_PROTOCOL",
            "thrift",
            "FORGEFLOW_OTLP_PROTOCOL=thrift: neither http/protobuf nor grpc; expected"
                + " http/protobuf or grpc"),
        row(
            "FORGEFLOW_MANAGEMENT_PORT",
            "70000",
            "FORGEFLOW_MANAGEMENT_PORT=70000: more than 65535; expected a port between 0 and"
                + " 65535, such as 9464, or empty for no management server"),
        row(
            "FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE",
            "maybe",
            "FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE=maybe: not true or false; expected true or false"),
        row(
            "FORGEFLOW_PUBLIC_URL",
            "forgeflow.example.com",
            "FORGEFLOW_PUBLIC_URL=forgeflow.example.com: not an http(s) URL; expected the http(s)"
                + " URL people reach Forgeflow at, such as https://forgeflow.example.com"),
        row(
            "FORGEFLOW_MANAGEMENT_ADDRESS",
            "localhost",
            "FORGEFLOW_MANAGEMENT_ADDRESS=localhost: not an IP address; expected an IP address to"
                + " bind, such as 127.0.0.1 or 0.0.0.0"),
        row(
            "FORGEFLOW_LLM_BASE_URL",
            "localhost:11434",
            "FORGEFLOW_LLM_BASE_URL=localhost:11434: not an http(s) URL; expected the endpoint's"
                + " http(s) base URL, such as http://127.0.0.1:11434/v1, or empty"),
        row(
            "FORGEFLOW_LLM_API_KEY",
            "sk-live 123456",
            "FORGEFLOW_LLM_API_KEY (value hidden): contains spaces; expected the endpoint's API"
                + " key, without spaces"),
        row(
            "FORGEFLOW_LLM_FALLBACK_BASE_URLS",
            "http://127.0.0.1:8001/v1,ftp://mirror",
            "FORGEFLOW_LLM_FALLBACK_BASE_URLS=http://127.0.0.1:8001/v1,ftp://mirror: not a list of"
                + " http(s) URLs; expected comma-separated http(s) base URLs, such as"
                + " http://127.0.0.1:8001/v1"),
        Arguments.of(
            "FORGEFLOW_LLM_FALLBACK_API_KEYS",
            Map.of(
                "FORGEFLOW_LLM_FALLBACK_BASE_URLS", "http://127.0.0.1:8001/v1",
                "FORGEFLOW_LLM_FALLBACK_API_KEYS", "sk-one-secret,sk-two-secret"),
            "FORGEFLOW_LLM_FALLBACK_API_KEYS (value hidden): not one key per URL of"
                + " FORGEFLOW_LLM_FALLBACK_BASE_URLS; expected comma-separated API keys, one per"
                + " fallback URL in the same order, or empty"),
        row("FORGEFLOW_LLM_MODEL", "gpt 4o", "FORGEFLOW_LLM_MODEL=gpt 4o: " + MODEL),
        row(
            "FORGEFLOW_LLM_MODEL_REQUIREMENTS",
            "gpt 4o",
            "FORGEFLOW_LLM_MODEL_REQUIREMENTS=gpt 4o: " + MODEL),
        row(
            "FORGEFLOW_LLM_MODEL_ARCHITECTURE",
            "gpt 4o",
            "FORGEFLOW_LLM_MODEL_ARCHITECTURE=gpt 4o: " + MODEL),
        row(
            "FORGEFLOW_LLM_MODEL_IMPLEMENTER",
            "gpt 4o",
            "FORGEFLOW_LLM_MODEL_IMPLEMENTER=gpt 4o: " + MODEL),
        row(
            "FORGEFLOW_LLM_MODEL_REVIEWER",
            "gpt 4o",
            "FORGEFLOW_LLM_MODEL_REVIEWER=gpt 4o: " + MODEL),
        row(
            "FORGEFLOW_LLM_TIMEOUT_SECONDS",
            "abc",
            "FORGEFLOW_LLM_TIMEOUT_SECONDS=abc: not a whole number; expected seconds between 1 and"
                + " 600, such as 60"),
        row(
            "FORGEFLOW_LLM_PRICES",
            "gpt-4o=cheap",
            "FORGEFLOW_LLM_PRICES=gpt-4o=cheap: not a price list; expected model=in/out in USD per"
                + " million tokens, comma-separated, such as gpt-4o=2.5/10"),
        worker("FORGEFLOW_WORKER_MAX_CONCURRENT_ACTIVITIES", "0", "less than 1", 1),
        worker("FORGEFLOW_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS", "1", "less than 2", 2),
        worker("FORGEFLOW_WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES", "-3", "less than 1", 1),
        worker("FORGEFLOW_WORKER_WORKFLOW_CACHE_SIZE", "lots", "not a whole number", 1),
        worker("FORGEFLOW_WORKER_MAX_WORKFLOW_THREADS", "0", "less than 1", 1),
        worker("FORGEFLOW_WORKER_WORKFLOW_POLLERS", "1", "less than 2", 2),
        worker("FORGEFLOW_WORKER_ACTIVITY_POLLERS", "1.5", "not a whole number", 1),
        row(
            "FORGEFLOW_GATEWAY_HEARTBEAT",
            "soon",
            "FORGEFLOW_GATEWAY_HEARTBEAT=soon: not a duration; expected a duration such as 30s,"
                + " 5m or 2h"),
        row(
            "FORGEFLOW_GATEWAY_FEED_BUFFER",
            "0",
            "FORGEFLOW_GATEWAY_FEED_BUFFER=0: must be greater than or equal to 1; expected a whole"
                + " number of at least 1"),
        row(
            "FORGEFLOW_GATEWAY_RUNS_PER_MINUTE",
            "ten",
            "FORGEFLOW_GATEWAY_RUNS_PER_MINUTE=ten: not a whole number; expected a whole number of"
                + " at least 1"),
        Arguments.of(
            "FORGEFLOW_GATEWAY_DATABASE_URL",
            Map.of(
                "FORGEFLOW_GATEWAY_DATABASE_URL", " ",
                "FORGEFLOW_GATEWAY_DATABASE_USER", "forgeflow",
                "FORGEFLOW_GATEWAY_DATABASE_PASSWORD", "pw"),
            "FORGEFLOW_GATEWAY_DATABASE_URL: must not be blank; expected text"),
        Arguments.of(
            "FORGEFLOW_GATEWAY_DATABASE_USER",
            Map.of(
                "FORGEFLOW_GATEWAY_DATABASE_URL", "jdbc:postgresql://127.0.0.1/forgeflow",
                "FORGEFLOW_GATEWAY_DATABASE_USER", " ",
                "FORGEFLOW_GATEWAY_DATABASE_PASSWORD", "pw"),
            "FORGEFLOW_GATEWAY_DATABASE_USER: must not be blank; expected text"),
        row(
            "FORGEFLOW_GATEWAY_SESSION_LIFETIME",
            "400d",
            "FORGEFLOW_GATEWAY_SESSION_LIFETIME=400d: forgeflow.gateway.session-lifetime must be a"
                + " positive duration of at most 365d, such as 14d; expected a duration such as"
                + " 30s, 5m or 2h"),
        row(
            "FORGEFLOW_GATEWAY_QUESTIONS_PER_MINUTE",
            "0",
            "FORGEFLOW_GATEWAY_QUESTIONS_PER_MINUTE=0: must be greater than or equal to 1;"
                + " expected a whole number of at least 1"),
        row(
            "FORGEFLOW_GATEWAY_SIGN_IN_ATTEMPTS",
            "0",
            "FORGEFLOW_GATEWAY_SIGN_IN_ATTEMPTS=0: must be greater than or equal to 1; expected a"
                + " whole number of at least 1"),
        row(
            "FORGEFLOW_GATEWAY_SIGN_IN_WINDOW",
            "0s",
            "FORGEFLOW_GATEWAY_SIGN_IN_WINDOW=0s: forgeflow.gateway.sign-in-window must be a"
                + " positive duration, such as 1m; expected a duration such as 30s, 5m or 2h"),
        row(
            "FORGEFLOW_GATEWAY_TRUSTED_PROXIES",
            "127.0.0.1,proxy.internal",
            "FORGEFLOW_GATEWAY_TRUSTED_PROXIES=127.0.0.1,proxy.internal:"
                + " forgeflow.gateway.trusted-proxies must be IP addresses or CIDR ranges,"
                + " comma-separated, such as 127.0.0.1,10.0.0.0/8; expected a comma-separated"
                + " list"));
  }

  private static Arguments row(String variable, String value, String line) {
    return Arguments.of(variable, Map.of(variable, value), line);
  }

  private static Arguments worker(String variable, String value, String wrong, int least) {
    return row(
        variable,
        value,
        variable + "=" + value + ": " + wrong + "; expected a whole number of at least " + least);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongValues")
  void aWrongValueIsRefusedInOneLineNamingTheVariable(
      String variable, Map<String, String> env, String line) {
    InvalidSetting refused = refusal(env);

    assertThat(refused.variable()).isEqualTo(variable);
    assertThat(refused.getMessage()).isEqualTo(line).doesNotContain("\n");
  }

  @Test
  void everySettingHasAWrongValueAboveOrTakesAnyText() {
    Set<String> covered = new HashSet<>(ANY_TEXT);
    wrongValues().forEach(row -> covered.add((String) row.get()[0]));

    List<String> all = SettingsCatalogue.get().settings().stream().map(Setting::variable).toList();

    assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void secretValuesAreNeverShown() {
    InvalidSetting key = refusal(Map.of("FORGEFLOW_LLM_API_KEY", "sk-live 123456"));
    InvalidSetting keys =
        refusal(
            Map.of(
                "FORGEFLOW_LLM_FALLBACK_BASE_URLS", "http://127.0.0.1:8001/v1",
                "FORGEFLOW_LLM_FALLBACK_API_KEYS", "sk-one-secret,sk-two-secret"));

    assertThat(key.getMessage()).doesNotContain("sk-live").doesNotContain("123456");
    assertThat(keys.getMessage()).doesNotContain("sk-one").doesNotContain("sk-two");
  }

  @Test
  void aSecretInsideAnotherValueIsMasked() {
    InvalidSetting url =
        refusal(Map.of("FORGEFLOW_DATABASE_URL", "mysql://db/forge?user=ff&password=hunter2"));

    assertThat(url.getMessage())
        .startsWith("FORGEFLOW_DATABASE_URL=mysql://db/forge?user=ff&password=***: not a")
        .doesNotContain("hunter2");
  }

  @Test
  void aMistypedVariableIsRefusedWithTheNearestKnownName() {
    InvalidSetting typo = refusal(Map.of("FORGEFLOW_LLM_MODLE", "gpt-4o"));

    assertThat(typo.variable()).isEqualTo("FORGEFLOW_LLM_MODLE");
    assertThat(typo.getMessage())
        .isEqualTo(
            "FORGEFLOW_LLM_MODLE: not a Forgeflow setting; did you mean FORGEFLOW_LLM_MODEL?");
  }

  @Test
  void aVariableFarFromEverySettingPointsToTheList() {
    InvalidSetting unknown = refusal(Map.of("FORGEFLOW_COLOUR_SCHEME", "sk-secret-value"));

    assertThat(unknown.getMessage())
        .isEqualTo(
            "FORGEFLOW_COLOUR_SCHEME: not a Forgeflow setting; expected one of the settings in"
                + " docs/configuration.md");
  }

  @Test
  void testScriptAndClientVariablesAndOtherProgramsVariablesAreLeftAlone() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FORGEFLOW_IT_TEMPORAL_TARGET", "127.0.0.1:7233");
    env.put("FORGEFLOW_TEST_PYTHON", "/usr/bin/python3");
    env.put("FORGEFLOW_URL", "http://127.0.0.1:8080");
    env.put("FORGEFLOW_TOKEN", "ff_token");
    env.put("FORGEFLOW_JAVA_OPTS", "-Xmx1g");
    env.put("FORGEFLOW_LLM_TIMEOUT_SECONDS", "60");
    env.put("FORGEFLOW_SANDBOX", "off");
    env.put("FORGEFLOW_WORKER_WORKFLOW_POLLERS", "8");
    env.put("HOME", "/root");

    assertThatCode(() -> SettingsCheck.check(environment(env))).doesNotThrowAnyException();
  }

  @Test
  void aVariableSetToNothingLeavesItsSettingAtItsDefault() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "FORGEFLOW_DATABASE_POOL_SIZE", "",
                "FORGEFLOW_LLM_TIMEOUT_SECONDS", " ",
                "FORGEFLOW_SANDBOX_BASE_IMAGE", ""));

    SettingsCheck.check(environment);

    assertThat(
            org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bindOrCreate(
                    "forgeflow.llm", dev.forgeflow.orchestrator.config.LlmProperties.class)
                .timeoutSeconds())
        .isEqualTo(120);
    assertThat(environment.getProperty("FORGEFLOW_DATABASE_POOL_SIZE")).isNull();
  }

  @Test
  void theFailureAnalyzerReportsTheLineAndNotTheCause() {
    InvalidSetting refused = refusal(Map.of("FORGEFLOW_LLM_TIMEOUT_SECONDS", "abc"));

    var analysis =
        new InvalidSettingFailureAnalyzer()
            .analyze(new IllegalStateException("context failed", refused));

    assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
    assertThat(analysis.getAction()).contains("FORGEFLOW_LLM_TIMEOUT_SECONDS");
  }

  private static InvalidSetting refusal(Map<String, String> env) {
    return catchThrowableOfType(InvalidSetting.class, () -> SettingsCheck.check(environment(env)));
  }

  static StandardEnvironment environment(Map<String, String> env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env)));
    return environment;
  }
}

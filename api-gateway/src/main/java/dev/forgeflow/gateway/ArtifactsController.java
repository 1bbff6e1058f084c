package dev.forgeflow.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.StoredArtifact;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The artifacts of a run the caller owns: the list, one by id, the latest charter and architecture,
 * and the architecture's Mermaid diagram. Someone else's run, or an artifact of another run, is a
 * 404.
 */
@RestController
@Tag(name = "Artifacts")
class ArtifactsController {

  private final Stores stores;
  private final RunBundles runs;
  private final ArtifactIndex index;
  private final ObjectMapper json;
  private final Blocking blocking;

  ArtifactsController(Stores stores, RunBundles runs, ObjectMapper json, Blocking blocking) {
    this.stores = stores;
    this.runs = runs;
    this.index = new ArtifactIndex(stores.journal());
    this.json = json;
    this.blocking = blocking;
  }

  /** A run's artifacts, in the order they were made. */
  record ArtifactList(List<ArtifactIndex.Listed> items) {}

  @GetMapping("/api/runs/{id}/artifacts")
  @Operation(
      summary = "List a run's artifacts: charter, architectures, review and test reports",
      description =
          "In the order they were made, each with its round where it has one. Test reports are"
              + " journal events, not stored artifacts: they have no id, and their seq finds them"
              + " in the run's events.")
  Mono<ArtifactList> list(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(() -> new ArtifactList(index.of(runs.ownedRun(user, id).id())));
  }

  @GetMapping("/api/runs/{id}/artifacts/{artifactId}")
  @Operation(summary = "Read one artifact of a run, as the JSON it was stored as")
  @ApiResponse(
      responseCode = "200",
      description = "the artifact",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  Mono<ResponseEntity<byte[]>> artifact(
      @PathVariable String id, @PathVariable String artifactId, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          RunRecord run = runs.ownedRun(user, id);
          StoredArtifact artifact;
          try {
            artifact = stores.artifacts().load(artifactId);
          } catch (NoSuchElementException none) {
            artifact = null;
          }
          if (artifact == null || !artifact.runId().equals(run.id())) {
            throw Problems.notFound("The run has no artifact " + artifactId);
          }
          return document(artifact);
        });
  }

  @GetMapping("/api/runs/{id}/charter")
  @Operation(summary = "Read a run's project charter, the latest if there are several")
  @ApiResponse(
      responseCode = "200",
      description = "the charter",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  Mono<ResponseEntity<byte[]>> charter(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(() -> document(latest(user, id, ArtifactIndex.CHARTER)));
  }

  @GetMapping("/api/runs/{id}/architecture")
  @Operation(
      summary = "Read a run's architecture, the latest if there are several",
      description = "Its design document (designMarkdown) and Mermaid diagram (mermaid) included.")
  @ApiResponse(
      responseCode = "200",
      description = "the architecture",
      content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
  Mono<ResponseEntity<byte[]>> architecture(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(() -> document(latest(user, id, ArtifactIndex.ARCHITECTURE)));
  }

  @GetMapping("/api/runs/{id}/architecture/diagram.mmd")
  @Operation(summary = "Read the Mermaid source of a run's latest architecture diagram")
  @ApiResponse(
      responseCode = "200",
      description = "the Mermaid source",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
  Mono<ResponseEntity<String>> diagram(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          JsonNode mermaid = tree(latest(user, id, ArtifactIndex.ARCHITECTURE)).path("mermaid");
          if (!mermaid.isTextual() || mermaid.asText().isBlank()) {
            throw Problems.notFound("The run's architecture has no diagram");
          }
          return ResponseEntity.ok().contentType(BundlesController.TEXT).body(mermaid.asText());
        });
  }

  private StoredArtifact latest(User user, String runId, String kind) {
    RunRecord run = runs.ownedRun(user, runId);
    return stores
        .artifacts()
        .latest(run.id(), kind)
        .orElseThrow(() -> Problems.notFound("The run has no " + kind + " yet"));
  }

  private JsonNode tree(StoredArtifact artifact) {
    try {
      return json.readTree(artifact.json());
    } catch (JsonProcessingException stored) {
      throw new IllegalStateException("Artifact " + artifact.id() + " is not JSON", stored);
    }
  }

  private static ResponseEntity<byte[]> document(StoredArtifact artifact) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(artifact.json().getBytes(StandardCharsets.UTF_8));
  }
}

package dev.forgeflow.gateway;

import dev.forgeflow.gateway.RunBundles.OwnedVersion;
import dev.forgeflow.store.BundleEntry;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A version of a run the caller owns as a zip to download. Someone else's run is a 404. */
@RestController
@Tag(name = "Code")
class BundleDownloadsController {

  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final Stores stores;
  private final RunBundles runs;
  private final Blocking blocking;

  BundleDownloadsController(Stores stores, RunBundles runs, Blocking blocking) {
    this.stores = stores;
    this.runs = runs;
    this.blocking = blocking;
  }

  @GetMapping("/api/runs/{id}/versions/{version}/zip")
  @Operation(
      summary = "Download a version of a run's code as a zip",
      description =
          "Every file under one folder named after the run's service (or the run id if it has"
              + " none yet).",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the zip",
              content =
                  @Content(
                      mediaType = "application/zip",
                      schema = @Schema(type = "string", format = "binary"))))
  Mono<ResponseEntity<Flux<byte[]>>> zip(
      @PathVariable String id,
      @Parameter(description = VersionSelector.DESCRIPTION) @PathVariable String version,
      ServerWebExchange exchange) {
    return zip(Caller.user(exchange), id, VersionSelector.parse("version", version));
  }

  @GetMapping("/api/runs/{id}/download")
  @Operation(
      summary = "Download the latest version of a run's code as a zip",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the zip",
              content =
                  @Content(
                      mediaType = "application/zip",
                      schema = @Schema(type = "string", format = "binary"))))
  Mono<ResponseEntity<Flux<byte[]>>> download(@PathVariable String id, ServerWebExchange exchange) {
    return zip(Caller.user(exchange), id, new VersionSelector(0));
  }

  private Mono<ResponseEntity<Flux<byte[]>>> zip(User user, String id, VersionSelector selector) {
    return blocking
        .call(
            () -> {
              OwnedVersion owned = runs.version(user, id, selector);
              return new Listed(owned, stores.bundles().entries(owned.version().id()));
            })
        .map(this::response);
  }

  private ResponseEntity<Flux<byte[]>> response(Listed listed) {
    String folder = BundleZip.folder(listed.owned().run().projectName(), listed.owned().run().id());
    String name = folder + "-v" + listed.owned().version().version() + ".zip";
    Flux<byte[]> zip =
        BundleZip.stream(
            folder,
            listed.files(),
            listed.owned().version().createdAt(),
            stores.bundles()::blob,
            blocking);
    return ResponseEntity.ok()
        .contentType(ZIP)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(zip);
  }

  private record Listed(OwnedVersion owned, List<BundleEntry> files) {}
}

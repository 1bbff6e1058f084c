package dev.forgeflow.gateway;

import dev.forgeflow.gateway.RunBundles.OwnedVersion;
import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The code of a run the caller owns: its versions, each version's files and their contents, and the
 * diff between two versions. Someone else's run is a 404.
 */
@RestController
@Tag(name = "Code")
class BundlesController {

  static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
  static final MediaType DIFF = new MediaType("text", "x-diff", StandardCharsets.UTF_8);

  private final Stores stores;
  private final RunBundles runs;
  private final Blocking blocking;

  BundlesController(Stores stores, RunBundles runs, Blocking blocking) {
    this.stores = stores;
    this.runs = runs;
    this.blocking = blocking;
  }

  /** One version of a run's code; {@code files} lists its files. */
  record VersionView(
      int version, String bundleId, int fileCount, OffsetDateTime createdAt, String files) {
    static VersionView of(BundleVersion version) {
      return new VersionView(
          version.version(),
          version.id(),
          version.fileCount(),
          version.createdAt(),
          "/api/runs/" + version.runId() + "/versions/" + version.version() + "/files");
    }
  }

  /** A run's versions, the first first. */
  record VersionList(List<VersionView> items) {}

  /** One file of a version: its path, its size in bytes and the SHA-256 of its content. */
  record FileView(String path, int size, String sha256) {}

  /** The files of a version, sorted by path. */
  record FileTree(int version, String bundleId, List<FileView> files) {}

  @GetMapping("/api/runs/{id}/versions")
  @Operation(summary = "List the versions of a run's code, the first first")
  Mono<VersionList> versions(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          RunRecord run = runs.ownedRun(user, id);
          return new VersionList(
              stores.bundles().versions(run.id()).stream().map(VersionView::of).toList());
        });
  }

  @GetMapping("/api/runs/{id}/versions/{version}/files")
  @Operation(summary = "List the files of a version of a run's code, sorted by path")
  Mono<FileTree> files(
      @PathVariable String id,
      @Parameter(description = VersionSelector.DESCRIPTION) @PathVariable String version,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    VersionSelector selector = VersionSelector.parse("version", version);
    return blocking.call(
        () -> {
          BundleVersion found = runs.version(user, id, selector).version();
          List<FileView> files =
              stores.bundles().entries(found.id()).stream()
                  .map(file -> new FileView(file.path(), file.size(), file.sha256()))
                  .toList();
          return new FileTree(found.version(), found.id(), files);
        });
  }

  @GetMapping("/api/runs/{id}/versions/{version}/files/{*path}")
  @Operation(
      summary = "Read one file of a version of a run's code",
      description =
          "text/plain; charset=utf-8 if the content is UTF-8, else application/octet-stream. The"
              + " ETag is the content's SHA-256; If-None-Match with it answers 304. A path that is"
              + " not canonical (., .., //, backslashes, encoded slashes, control characters) is a"
              + " 400: send the path's slashes as they are (this page's try-out encodes them, so"
              + " it reaches top-level files only).",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the file's content",
              content = {
                @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                @Content(
                    mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary"))
              }))
  Mono<ResponseEntity<byte[]>> file(
      @PathVariable String id,
      @Parameter(description = VersionSelector.DESCRIPTION) @PathVariable String version,
      @Parameter(description = "the file's path in the bundle, e.g. app/main.py") @PathVariable
          String path,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    VersionSelector selector = VersionSelector.parse("version", version);
    String file = BundlePaths.requested(path, exchange.getRequest().getPath().value());
    return blocking.call(
        () -> {
          BundleVersion found = runs.version(user, id, selector).version();
          String sha256 = stores.bundles().files(found.id()).get(file);
          if (sha256 == null) {
            throw Problems.notFound("Version " + found.version() + " has no file " + file);
          }
          byte[] content = stores.bundles().blob(sha256);
          return ResponseEntity.ok()
              .contentType(
                  Utf8.decode(content).isPresent() ? TEXT : MediaType.APPLICATION_OCTET_STREAM)
              .eTag(sha256)
              .cacheControl(CacheControl.noCache().cachePrivate())
              .header("X-Content-Type-Options", "nosniff")
              .body(content);
        });
  }

  @GetMapping("/api/runs/{id}/diff")
  @Operation(
      summary = "Diff two versions of a run's code",
      description =
          "A unified diff (a/ and b/ prefixes, /dev/null for added and removed files, three lines"
              + " of context), from the version before `to` and to the latest unless asked;"
              + " from version 1's predecessor, every file is added. The same version twice is an"
              + " empty diff.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the diff, empty if nothing changed",
              content = @Content(mediaType = "text/x-diff", schema = @Schema(type = "string"))))
  Mono<ResponseEntity<String>> diff(
      @PathVariable String id,
      @Parameter(description = "the version diffed from: " + VersionSelector.DESCRIPTION)
          @RequestParam(required = false)
          String from,
      @Parameter(description = "the version diffed to: " + VersionSelector.DESCRIPTION)
          @RequestParam(required = false)
          String to,
      @Parameter(description = "only this file's changes") @RequestParam(required = false)
          String path,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    VersionSelector toSelector =
        to == null ? new VersionSelector(0) : VersionSelector.parse("to", to);
    VersionSelector fromSelector = from == null ? null : VersionSelector.parse("from", from);
    String file = path == null ? null : BundlePaths.canonical(path);
    return blocking.call(
        () -> {
          OwnedVersion after = runs.version(user, id, toSelector);
          SortedMap<String, String> before = new TreeMap<>();
          if (fromSelector != null || after.version().version() > 1) {
            VersionSelector earlier =
                fromSelector != null
                    ? fromSelector
                    : new VersionSelector(after.version().version() - 1);
            before = stores.bundles().files(runs.version(after.run(), earlier).id());
          }
          SortedMap<String, String> now = stores.bundles().files(after.version().id());
          String diff;
          if (file == null) {
            diff = BundleDiff.between(before, now, stores.bundles()::blob);
          } else if (before.containsKey(file) || now.containsKey(file)) {
            diff = BundleDiff.between(before, now, file, stores.bundles()::blob);
          } else {
            throw Problems.notFound("Neither version has a file " + file);
          }
          return ResponseEntity.ok().contentType(DIFF).body(diff);
        });
  }
}

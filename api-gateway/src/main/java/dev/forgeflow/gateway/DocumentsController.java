package dev.forgeflow.gateway;

import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.projects.ProjectDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The documents attached to a project: upload (txt, md, pdf as {@code multipart/form-data}, part
 * {@code file}), list, delete. The Requirements agent retrieves from them. Someone else's project
 * is a 404.
 */
@RestController
@RequestMapping("/api/projects/{id}/documents")
@Tag(name = "Documents")
class DocumentsController {

  /** The largest document taken: 5 MiB. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Room for the multipart framing around the file. */
  static final int FRAMING = 64 * 1024;

  /**
   * How much of an oversized upload is read and dropped before it is refused, so the client reads
   * the 413 rather than a reset connection.
   */
  private static final long SWALLOW = 16L * 1024 * 1024;

  private static final ResolvableType FORM =
      ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, Part.class);

  private final Stores stores;
  private final ProjectKnowledge knowledge;
  private final Blocking blocking;
  private final HttpMessageReader<MultiValueMap<String, Part>> forms;

  @SuppressWarnings("unchecked")
  DocumentsController(
      Stores stores, ProjectKnowledge knowledge, Blocking blocking, ServerCodecConfigurer codecs) {
    this.stores = stores;
    this.knowledge = knowledge;
    this.blocking = blocking;
    this.forms =
        (HttpMessageReader<MultiValueMap<String, Part>>)
            codecs.getReaders().stream()
                .filter(reader -> reader.canRead(FORM, MediaType.MULTIPART_FORM_DATA))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no multipart/form-data reader"));
  }

  /** A document as clients see it. */
  record DocumentView(
      String id,
      String name,
      String mediaType,
      int bytes,
      Integer pages,
      int chars,
      int chunks,
      OffsetDateTime createdAt) {
    static DocumentView of(ProjectDocument document) {
      return new DocumentView(
          document.id(),
          document.name(),
          document.mediaType(),
          document.bytes(),
          document.mediaType().equals("application/pdf") ? document.pages() : null,
          document.chars(),
          document.chunks(),
          document.createdAt());
    }
  }

  /** A project's documents, the newest first. */
  record DocumentList(List<DocumentView> items) {}

  /** The upload form, for the API document. */
  record Upload(@Schema(type = "string", format = "binary") String file) {}

  @GetMapping
  @Operation(summary = "List a project's documents, the newest first")
  Mono<DocumentList> list(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          owned(user, id);
          return new DocumentList(
              stores.documents().list(id).stream().map(DocumentView::of).toList());
        });
  }

  // any content type reaches the handler: someone else's project is a 404 whatever is sent
  @PostMapping
  @Operation(
      summary = "Attach a document (txt, md or pdf, at most 5 MiB) to a project",
      description =
          "The document is read, cut into passages and indexed; the Requirements agent of the"
              + " project's next runs retrieves from it. Empty files, binary content, encrypted or"
              + " unreadable PDFs are refused with 400, larger files with 413, other types with"
              + " 415, and a vector store that cannot be reached with 503.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = Upload.class),
                      encoding =
                          @Encoding(name = "file", contentType = "application/octet-stream"))))
  Mono<ResponseEntity<DocumentView>> upload(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > MAX_BYTES + FRAMING) {
      // read and drop what the client is sending (within SWALLOW) so it sees the 413
      return Bodies.bounded(
              exchange.getRequest().getBody(), 0, SWALLOW, DocumentsController::tooLarge)
          .then(Mono.error(tooLarge()));
    }
    return blocking
        .call(() -> owned(user, id))
        .then(multipart(exchange) ? form(exchange.getRequest()) : Mono.error(notMultipart()))
        .flatMap(
            form -> {
              Part part = form.getFirst("file");
              if (!(part instanceof FilePart file)) {
                return Mono.error(
                    Problems.badRequest(
                        "Send the document as multipart/form-data with a file part named file"));
              }
              return bytes(file)
                  .flatMap(
                      content ->
                          blocking.call(() -> knowledge.attach(id, file.filename(), content)));
            })
        .map(
            document ->
                ResponseEntity.created(
                        URI.create("/api/projects/" + id + "/documents/" + document.id()))
                    .body(DocumentView.of(document)));
  }

  @DeleteMapping("/{documentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a document from a project, with its indexed passages")
  Mono<Void> delete(
      @PathVariable String id, @PathVariable String documentId, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(
            () -> {
              owned(user, id);
              return knowledge.detach(id, documentId);
            })
        .flatMap(
            removed ->
                removed
                    ? Mono.<Void>empty()
                    : Mono.error(
                        Problems.notFound("Project " + id + " has no document " + documentId)));
  }

  /**
   * The request's form, its body bounded by the largest document with its framing; a body that
   * cannot be parsed as one is the client's error.
   */
  private Mono<MultiValueMap<String, Part>> form(ServerHttpRequest request) {
    ServerHttpRequest bounded =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            return Bodies.bounded(
                super.getBody(), MAX_BYTES + FRAMING, SWALLOW, DocumentsController::tooLarge);
          }
        };
    return forms
        .readMono(FORM, bounded, Map.of())
        .switchIfEmpty(
            Mono.error(
                () ->
                    Problems.badRequest(
                        "The body is not a multipart/form-data form with a file part named file")))
        .onErrorMap(DataBufferLimitException.class, limit -> tooLarge())
        .onErrorMap(
            failure -> !(failure instanceof ErrorResponseException),
            failure ->
                Problems.badRequest(
                    "The body is not a multipart/form-data form with a file part named file"));
  }

  private static boolean multipart(ServerWebExchange exchange) {
    MediaType type = exchange.getRequest().getHeaders().getContentType();
    return type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
  }

  private static RuntimeException notMultipart() {
    return Problems.status(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported Media Type",
        "Send the document as multipart/form-data with a file part named file");
  }

  private static Mono<byte[]> bytes(FilePart file) {
    return Bodies.bytes(file.content(), MAX_BYTES + 1, DocumentsController::tooLarge);
  }

  private static RuntimeException tooLarge() {
    return Problems.payloadTooLarge("A document may be at most " + MAX_BYTES + " bytes (5 MiB)");
  }

  private Object owned(User user, String projectId) {
    return stores
        .projects()
        .findOwned(user.id(), projectId)
        .orElseThrow(() -> ProjectsController.noSuchProject(projectId));
  }
}

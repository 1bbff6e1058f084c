package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Forgeflow's HTTP API as the CLI uses it, with a personal API token: JSON calls that answer or
 * throw an {@link ApiProblem} in the server's words, and a run's events as Server-Sent Events.
 */
final class ApiClient {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};

  private final URI base;
  private final WebClient web;

  ApiClient(URI base, String token) {
    this.base = base;
    this.web =
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create().responseTimeout(CALL_TIMEOUT).followRedirect(false)))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
            .baseUrl(base.toString())
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .build();
  }

  URI base() {
    return base;
  }

  JsonNode get(String path, Object... variables) {
    return call(HttpMethod.GET, null, path, variables);
  }

  JsonNode post(Object body, String path, Object... variables) {
    return call(HttpMethod.POST, body, path, variables);
  }

  JsonNode postWithHeaders(
      Map<String, String> headers, Object body, String path, Object... variables) {
    return exchange(HttpMethod.POST, headers, body, path, variables);
  }

  /** Uploads a file as {@code multipart/form-data}, part {@code file}, keeping its name. */
  JsonNode upload(String fileName, byte[] content, String path, Object... variables) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part(
            "file",
            new ByteArrayResource(content) {
              @Override
              public String getFilename() {
                return fileName;
              }
            })
        .contentType(MediaType.APPLICATION_OCTET_STREAM);
    return json(
        web.post()
            .uri(path, variables)
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(form.build())));
  }

  JsonNode delete(String path, Object... variables) {
    return call(HttpMethod.DELETE, null, path, variables);
  }

  /** The raw bytes of a GET, such as a zip or a file's content. */
  byte[] bytes(String path, Object... variables) {
    try {
      return web.get()
          .uri(path, variables)
          .exchangeToMono(
              response ->
                  response.statusCode().is2xxSuccessful()
                      ? response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                      : problem(response))
          .block(CALL_TIMEOUT);
    } catch (WebClientRequestException unreachable) {
      throw unreachable(unreachable);
    }
  }

  /** A GET's body as text. */
  String text(String path, Object... variables) {
    return new String(bytes(path, variables), java.nio.charset.StandardCharsets.UTF_8);
  }

  private JsonNode call(HttpMethod method, Object body, String path, Object... variables) {
    return exchange(method, Map.of(), body, path, variables);
  }

  private JsonNode exchange(
      HttpMethod method,
      Map<String, String> headers,
      Object body,
      String path,
      Object... variables) {
    WebClient.RequestBodySpec request = web.method(method).uri(path, variables);
    headers.forEach(request::header);
    return json(
        body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body));
  }

  /** Sends a request; its JSON answer, or its refusal as an {@link ApiProblem}. */
  private JsonNode json(WebClient.RequestHeadersSpec<?> ready) {
    try {
      return ready
          .exchangeToMono(
              response ->
                  response.statusCode().is2xxSuccessful()
                      ? response.bodyToMono(JsonNode.class).defaultIfEmpty(JSON.createObjectNode())
                      : problem(response))
          .block(CALL_TIMEOUT);
    } catch (WebClientRequestException unreachable) {
      throw unreachable(unreachable);
    }
  }

  /**
   * The run's events after {@code afterSeq} as the server streams them; completes after the run's
   * end, or when the server closes the stream (then resume from the last id seen).
   */
  Flux<ServerSentEvent<String>> events(String runId, long afterSeq) {
    return web.get()
        .uri("/api/runs/{id}/events", runId)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .header("Last-Event-ID", Long.toString(afterSeq))
        .exchangeToFlux(
            response ->
                response.statusCode().is2xxSuccessful()
                    ? response.bodyToFlux(SSE)
                    : ApiClient.<ServerSentEvent<String>>problem(response).flux());
  }

  /**
   * The last {@code tail} lines of the run's service's log (event {@code log}), then, when {@code
   * follow}, every new one, until the service stops (event {@code end}).
   */
  Flux<ServerSentEvent<String>> deploymentLogs(String runId, int tail, boolean follow) {
    return web.get()
        .uri("/api/runs/{id}/deployment/logs?tail={tail}&follow={follow}", runId, tail, follow)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchangeToFlux(
            response ->
                response.statusCode().is2xxSuccessful()
                    ? response.bodyToFlux(SSE)
                    : ApiClient.<ServerSentEvent<String>>problem(response).flux())
        .onErrorMap(WebClientRequestException.class, this::unreachable);
  }

  private static <T> Mono<T> problem(ClientResponse response) {
    HttpStatusCode status = response.statusCode();
    return response
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .flatMap(body -> Mono.error(ApiProblem.of(status.value(), body)));
  }

  private ApiProblem unreachable(WebClientRequestException cause) {
    return new ApiProblem(0, "Unreachable", "The server at " + base + " does not answer");
  }
}

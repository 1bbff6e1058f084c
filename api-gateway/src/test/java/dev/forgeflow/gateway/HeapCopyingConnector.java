package dev.forgeflow.gateway;

import java.net.URI;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The test client's connector: a response body is read whole onto the heap and Netty's pooled
 * buffers released at once (an event stream is copied buffer by buffer as it comes, since it may
 * not end). {@code WebTestClient} never subscribes to the body of a response whose test checks only
 * its status and headers, and never releases the buffers it recorded (spring-framework issue
 * 36050): its pooled buffers were collected unreleased and Netty reported them as leaks. Through
 * this connector such a body is plain heap memory.
 */
public final class HeapCopyingConnector implements ClientHttpConnector {

  private final ClientHttpConnector delegate;

  public HeapCopyingConnector(ClientHttpConnector delegate) {
    this.delegate = delegate;
  }

  /** The client, sending through a new Reactor Netty connector wrapped in this one. */
  public static WebTestClient onHeap(WebTestClient client) {
    return client
        .mutate()
        .clientConnector(new HeapCopyingConnector(new ReactorClientHttpConnector()))
        .build();
  }

  @Override
  public Mono<ClientHttpResponse> connect(
      HttpMethod method, URI uri, Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
    return delegate
        .connect(method, uri, requestCallback)
        .flatMap(
            response -> {
              if (MediaType.TEXT_EVENT_STREAM.isCompatibleWith(
                  response.getHeaders().getContentType())) {
                return Mono.just(
                    withBody(response, response.getBody().map(HeapCopyingConnector::onHeap)));
              }
              return DataBufferUtils.join(response.getBody())
                  .map(HeapCopyingConnector::onHeap)
                  .map(body -> withBody(response, Flux.just(body)))
                  .defaultIfEmpty(withBody(response, Flux.empty()));
            });
  }

  private static ClientHttpResponse withBody(ClientHttpResponse response, Flux<DataBuffer> body) {
    return new ClientHttpResponseDecorator(response) {
      @Override
      public Flux<DataBuffer> getBody() {
        return body;
      }
    };
  }

  static DataBuffer onHeap(DataBuffer pooled) {
    try {
      byte[] bytes = new byte[pooled.readableByteCount()];
      pooled.read(bytes);
      return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    } finally {
      DataBufferUtils.release(pooled);
    }
  }
}

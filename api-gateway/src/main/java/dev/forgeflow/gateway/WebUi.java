package dev.forgeflow.gateway;

import java.time.Duration;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The web UI (module {@code web}, built into {@code classpath:/static/}) on the API's own origin:
 * its client-side routes answer with the UI's page, its hashed assets are cached for good, and
 * every page and asset carries a Content-Security-Policy that lets in nothing but this origin (no
 * inline script, no eval; inline styles for the diagrams' SVG). Without a built UI on the class
 * path, these routes answer 404 like any unknown path.
 */
@Configuration(proxyBeanMethods = false)
class WebUi {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri"
          + " 'none'; frame-ancestors 'none'; form-action 'self'";

  /** The UI's page: {@code index.html} in the first static location that has one. */
  static Resource page(ResourceLoader loader, WebProperties web) {
    for (String location : web.getResources().getStaticLocations()) {
      Resource page =
          loader.getResource((location.endsWith("/") ? location : location + "/") + "index.html");
      if (page.exists()) {
        return page;
      }
    }
    return new ClassPathResource("static/index.html");
  }

  @Bean
  RouterFunction<ServerResponse> webUiRoutes(ResourceLoader loader, WebProperties web) {
    Resource page = page(loader, web);
    return RouterFunctions.route(
        RequestPredicates.GET("/sign-in")
            .or(RequestPredicates.GET("/sign-up"))
            .or(RequestPredicates.GET("/tokens"))
            .or(RequestPredicates.GET("/projects/**"))
            .or(RequestPredicates.GET("/runs/**")),
        request ->
            page.exists()
                ? ServerResponse.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(page)
                : ServerResponse.notFound().build());
  }

  /** The UI's headers: its policy on everything outside the API and the API's docs. */
  @Bean
  @Order(-200)
  WebFilter webUiHeaders() {
    return (exchange, chain) -> {
      String path = exchange.getRequest().getPath().pathWithinApplication().value();
      boolean ui =
          !path.startsWith("/api/")
              && !path.startsWith("/docs")
              && !path.startsWith("/swagger-ui")
              && !path.startsWith("/v3/")
              && !path.startsWith("/webjars")
              && !path.startsWith("/actuator");
      if (ui) {
        exchange
            .getResponse()
            .beforeCommit(
                () -> {
                  HttpHeaders headers = exchange.getResponse().getHeaders();
                  headers.set("Content-Security-Policy", CSP);
                  if (path.startsWith("/assets/")) {
                    headers.setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
                    headers.remove(HttpHeaders.PRAGMA);
                    headers.remove(HttpHeaders.EXPIRES);
                  }
                  return Mono.empty();
                });
      }
      return chain.filter(exchange);
    };
  }
}

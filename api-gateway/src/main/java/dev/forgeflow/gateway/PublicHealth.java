package dev.forgeflow.gateway;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Health stays on the public port when the actuator moves to a management port of its own (metrics
 * are served there, never to the API's callers): {@code GET /actuator/health} and its groups
 * ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}) answer as the actuator's
 * own health endpoint would, from the same health contributors, with no details. Every other {@code
 * /actuator/**} path is unknown on the public port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealth {

  static final MediaType ACTUATOR_JSON =
      MediaType.parseMediaType("application/vnd.spring-boot.actuator.v3+json");

  @Bean
  RouterFunction<ServerResponse> publicHealthRoutes(ReactiveHealthEndpointWebExtension health) {
    return RouterFunctions.route(
            RequestPredicates.GET("/actuator/health"),
            request ->
                answer(
                    health.health(ApiVersion.V3, WebServerNamespace.SERVER, SecurityContext.NONE)))
        .andRoute(
            RequestPredicates.GET("/actuator/health/{*path}"),
            request ->
                answer(
                    health.health(
                        ApiVersion.V3,
                        WebServerNamespace.SERVER,
                        SecurityContext.NONE,
                        segments(request.pathVariable("path")))));
  }

  private static String[] segments(String path) {
    return path.replaceAll("^/+|/+$", "").split("/+");
  }

  private static Mono<ServerResponse> answer(
      Mono<WebEndpointResponse<? extends HealthComponent>> health) {
    return health.flatMap(
        response ->
            response.getBody() == null
                ? ServerResponse.status(response.getStatus()).build()
                : ServerResponse.status(response.getStatus())
                    .contentType(ACTUATOR_JSON)
                    .bodyValue(response.getBody()));
  }
}

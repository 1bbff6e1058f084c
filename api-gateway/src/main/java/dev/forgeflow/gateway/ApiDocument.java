package dev.forgeflow.gateway;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What the OpenAPI document (at {@code /v3/api-docs}, shown by the Swagger UI at {@code /docs})
 * says of the API as a whole: its name, and that every operation needs a personal API token
 * (Bearer) or a browser session.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Forgeflow API",
            version = "1",
            description =
                "Describe a backend service in plain language; Forgeflow's agents plan, write,"
                    + " review, test and deploy it. Every error is an RFC 9457 problem;"
                    + " someone else's object is a 404."),
    security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "session")})
@SecurityScheme(
    name = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A personal API token (forgeflow login, or the data dir's api-token)")
@SecurityScheme(
    name = "session",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    paramName = "forgeflow_session",
    description = "A browser session, from signing in")
final class ApiDocument {
  private ApiDocument() {}
}

package dev.forgeflow.gateway.accounts;

import dev.forgeflow.gateway.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** {@code GET /api/me}: who the caller is, whether by API token or by session. */
@RestController
final class MeController {

  @GetMapping("/api/me")
  UserBody me(ServerWebExchange exchange) {
    return UserBody.of(Caller.user(exchange));
  }
}

package dev.forgeflow.gateway;

import dev.forgeflow.store.accounts.Accounts;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Who may call what. Everything under {@code /api/} needs a personal API token ({@code
 * Authorization: Bearer}) or a live session cookie, except signing up, signing in and fetching a
 * CSRF token; everything else (health, docs, static files) is open. Unsafe requests that carry the
 * session cookie, and every sign-up and sign-in, need the double-submit CSRF token; requests with a
 * Bearer token carry no ambient credentials and need none. Stateless: no server-side web session;
 * each request is authenticated afresh. Every refusal is a problem body.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class WebSecurity {

  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  private static final ServerWebExchangeMatcher API =
      ServerWebExchangeMatchers.pathMatchers("/api/**");
  private static final ServerWebExchangeMatcher SIGNING_IN =
      ServerWebExchangeMatchers.pathMatchers(
          HttpMethod.POST, "/api/auth/sign-up", "/api/auth/sign-in");
  private static final ServerWebExchangeMatcher OPEN =
      new OrServerWebExchangeMatcher(
          SIGNING_IN, ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/auth/csrf"));

  static final String CSRF_REFUSAL = "CSRF token missing or invalid";
  static final String NO_CREDENTIALS =
      "Sign in, or send a personal API token: Authorization: Bearer";

  @Bean
  SessionCookie sessionCookie(GatewaySettings settings) {
    return new SessionCookie(settings.sessionLifetime());
  }

  /**
   * A request the firewall refuses (an encoded slash or backslash, {@code ..}, a control character
   * in its path) is a 400 problem like any other bad input, not a bare status.
   */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
    return (exchange, rejected) -> {
      String reason = String.valueOf(rejected.getMessage()).toLowerCase(java.util.Locale.ROOT);
      String detail =
          reason.contains("method")
              ? "The HTTP method is not one this API supports"
              : reason.contains("header")
                  ? "A request header holds characters that are refused"
                  : "The request's path is not acceptable: encoded slashes and backslashes, '..',"
                      + " '//' and control characters are refused";
      // The refused request's body is never read: the connection closes with the answer, so no
      // unread bytes are left in front of the next request on it (for a request without
      // Content-Length too).
      exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      return problems.handle(exchange, Problems.badRequest(detail));
    };
  }

  @Bean
  ServerCsrfTokenRepository csrfTokens() {
    return new CsrfCookie();
  }

  @Bean
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http,
      Accounts accounts,
      Scheduler blockingCalls,
      ServerCsrfTokenRepository csrfTokens) {
    return http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    // The header carries the cookie's value as it is (double submit), not masked.
                    .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                    .requireCsrfProtectionMatcher(WebSecurity::requiresCsrf)
                    .accessDeniedHandler(
                        (exchange, denied) -> Mono.error(Problems.forbidden(CSRF_REFUSAL))))
        .addFilterAt(
            authentication(accounts, blockingCalls), SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            rules ->
                rules
                    .matchers(OPEN)
                    .permitAll()
                    .matchers(API)
                    .authenticated()
                    .anyExchange()
                    .permitAll())
        .exceptionHandling(
            refusals ->
                refusals
                    .authenticationEntryPoint(
                        (exchange, missing) -> Mono.error(Problems.unauthorized(NO_CREDENTIALS)))
                    .accessDeniedHandler(
                        (exchange, denied) -> Mono.error(Problems.forbidden("Not allowed"))))
        .build();
  }

  /**
   * Unsafe requests need the CSRF token when a browser may have added credentials of its own accord
   * (the session cookie), and when signing up or in (so no other site can sign a browser into an
   * account of its choosing); not when they carry a Bearer token, which no other site can make a
   * browser send.
   */
  static Mono<MatchResult> requiresCsrf(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    if (SAFE.contains(request.getMethod())
        || PresentedCredentials.bearerToken(request.getHeaders()).isPresent()) {
      return MatchResult.notMatch();
    }
    return SessionCookie.read(request).isPresent()
        ? MatchResult.match()
        : SIGNING_IN.matches(exchange);
  }

  /** Proves the caller of every protected route, and records them for {@link Caller#user}. */
  private static AuthenticationWebFilter authentication(Accounts accounts, Scheduler blocking) {
    AuthenticationWebFilter filter =
        new AuthenticationWebFilter(new CallerAuthentication(accounts, blocking));
    filter.setRequiresAuthenticationMatcher(
        new AndServerWebExchangeMatcher(API, new NegatedServerWebExchangeMatcher(OPEN)));
    filter.setServerAuthenticationConverter(
        exchange ->
            Mono.justOrEmpty(PresentedCredentials.of(exchange.getRequest()))
                .cast(Authentication.class));
    filter.setAuthenticationSuccessHandler(
        (filtered, caller) -> {
          Caller.authenticate(
              filtered.getExchange(), ((AuthenticatedCaller) caller).getPrincipal());
          return filtered.getChain().filter(filtered.getExchange());
        });
    filter.setAuthenticationFailureHandler(
        (filtered, failure) -> Mono.error(Problems.unauthorized(failure.getMessage())));
    return filter;
  }
}

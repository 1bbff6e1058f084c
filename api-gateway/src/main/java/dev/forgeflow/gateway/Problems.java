package dev.forgeflow.gateway;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;

/**
 * The gateway's expected failures, as RFC 9457 problems ({@link ProblemResponses} writes them).
 * Routes return them as errors ({@code Mono.error(Problems.notFound(...))}).
 */
public final class Problems {

  private Problems() {}

  /** No valid credentials: no, an unknown or a revoked API token, or no live session. */
  public static ErrorResponseException unauthorized(String detail) {
    ErrorResponseException problem = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problem;
  }

  /** Refused whoever the caller is, such as a request without a valid CSRF token. */
  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  /** Nothing the caller may see: a missing object and someone else's look the same. */
  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "Not Found", detail);
  }

  public static ErrorResponseException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, "Bad Request", detail);
  }

  /** A request body whose fields break their rules: each field and its rule, never its value. */
  public static ErrorResponseException invalidFields(BindingResult result) {
    List<FieldError> errors =
        result.getFieldErrors().stream()
            .sorted(Comparator.comparing(FieldError::getField))
            .toList();
    String detail =
        errors.isEmpty()
            ? "The request body is invalid"
            : String.join("; ", errors.stream().map(e -> e.getField() + " " + message(e)).toList());
    ErrorResponseException problem = badRequest(detail);
    problem
        .getBody()
        .setProperty(
            "errors",
            errors.stream()
                .map(e -> Map.of("field", e.getField(), "message", message(e)))
                .toList());
    return problem;
  }

  private static String message(FieldError error) {
    return Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid");
  }

  /** The request clashes with what exists, such as a username already taken. */
  public static ErrorResponseException conflict(String detail) {
    return problem(HttpStatus.CONFLICT, "Conflict", detail);
  }

  /** Too many attempts; {@code Retry-After} says in how many whole seconds to try again. */
  public static ErrorResponseException tooManyRequests(String detail, Duration retryAfter) {
    ErrorResponseException problem =
        problem(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", detail);
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problem;
  }

  /** A request body over its bound. */
  public static ErrorResponseException payloadTooLarge(String detail) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", detail);
  }

  /** Any other status with its title and detail. */
  public static ErrorResponseException status(HttpStatus status, String title, String detail) {
    return problem(status, title, detail);
  }

  /** The server cannot do this now, e.g. the workflow service does not answer. */
  public static ErrorResponseException unavailable(String detail) {
    ErrorResponseException problem =
        problem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", detail);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    return problem;
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    return new ErrorResponseException(status, body, null);
  }
}

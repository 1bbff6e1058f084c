package dev.forgeflow.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The gateway's expected failures, as RFC 9457 problems ({@link ProblemResponses} writes them). */
final class Problems {

  private Problems() {}

  /** No, or no valid, personal API token. */
  static ErrorResponseException unauthorized(String detail) {
    ErrorResponseException problem = problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problem;
  }

  /** Nothing the caller may see: a missing object and someone else's look the same. */
  static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "Not Found", detail);
  }

  static ErrorResponseException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, "Bad Request", detail);
  }

  /** The request contradicts the object's state, or an earlier request. */
  static ErrorResponseException conflict(String detail) {
    return problem(HttpStatus.CONFLICT, "Conflict", detail);
  }

  /** Too many requests of this kind; the client may try again after {@code retryAfterSeconds}. */
  static ErrorResponseException tooManyRequests(String detail, long retryAfterSeconds) {
    ErrorResponseException problem =
        problem(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", detail);
    problem
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
    return problem;
  }

  /** The server cannot do this now, e.g. the workflow service does not answer. */
  static ErrorResponseException unavailable(String detail) {
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

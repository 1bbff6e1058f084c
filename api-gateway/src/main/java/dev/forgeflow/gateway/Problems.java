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

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    return new ErrorResponseException(status, body, null);
  }
}

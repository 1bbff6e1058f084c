package dev.forgeflow.gateway;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Says what is wrong with a request's input in words a client can act on: each invalid field or
 * parameter by name, a body that is not JSON, a body too large. Never the input itself (it may be
 * large or hostile) and never an exception's class or trace.
 */
final class InputProblems {

  private InputProblems() {}

  static Optional<String> describe(Throwable failure) {
    if (failure instanceof WebExchangeBindException invalid) {
      return Optional.of(fields(invalid.getFieldErrors()));
    }
    if (failure instanceof HandlerMethodValidationException invalid) {
      return Optional.of(
          invalid.getAllValidationResults().stream()
              .flatMap(
                  result ->
                      result.getResolvableErrors().stream()
                          .map(
                              error -> name(result.getMethodParameter().getParameterName(), error)))
              .collect(Collectors.joining("; ")));
    }
    if (failure instanceof ServerWebInputException input) {
      Throwable cause = input.getCause();
      while (cause != null) {
        if (cause instanceof DataBufferLimitException) {
          return Optional.of("The request body is too large");
        }
        if (cause instanceof DecodingException) {
          return Optional.of(
              "The request body is not the JSON this operation takes (malformed, or a field of"
                  + " the wrong type)");
        }
        cause = cause.getCause();
      }
      if (input.getMethodParameter() != null
          && input.getMethodParameter().getParameterName() != null) {
        return Optional.of(
            input.getMethodParameter().getParameterName() + ": missing or not readable");
      }
    }
    return Optional.empty();
  }

  private static String fields(List<FieldError> errors) {
    return errors.stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage())
        .sorted()
        .collect(Collectors.joining("; "));
  }

  private static String name(String parameter, MessageSourceResolvable error) {
    if (error instanceof FieldError field) {
      return field.getField() + ": " + field.getDefaultMessage();
    }
    return (parameter == null ? "parameter" : parameter) + ": " + error.getDefaultMessage();
  }
}

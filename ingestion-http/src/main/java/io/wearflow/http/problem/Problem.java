package io.wearflow.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of every error response, {@code application/problem+json} (RFC 9457), with the extension
 * member {@code errors} listing field-level errors (omitted when there are none).
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(ProblemType type, int status, String detail, List<FieldError> errors) {
    return new Problem(type.uri(), type.title(), status, detail, errors);
  }
}

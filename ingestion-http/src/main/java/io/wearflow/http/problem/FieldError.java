package io.wearflow.http.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One invalid part of a request.
 *
 * @param pointer RFC 6901 JSON pointer into the request body ({@code /data/17/value}), or the name
 *     of a query parameter as a pointer ({@code /start_date}); {@code ""} is the whole body
 * @param reason what is wrong, phrased to follow the field name ("must be greater than 0");
 *     rendered as {@code detail}
 */
public record FieldError(String pointer, @JsonProperty("detail") String reason) {

  public FieldError {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(reason, "reason");
  }
}

package io.wearflow.http.problem;

import java.util.List;
import java.util.Map;

/**
 * A well-formed request whose content breaks the contract: answered 422 with every field error of
 * the request, so a client can fix them all in one round.
 */
public class ValidationException extends ApiException {

  public ValidationException(List<FieldError> errors) {
    this(errors, errors.size());
  }

  /**
   * A failure with {@code total} invalid fields of which {@code listed} are reported (the first
   * ones), for requests with too many errors to list them all.
   */
  public ValidationException(List<FieldError> listed, int total) {
    super(422, ProblemType.VALIDATION_FAILED, detail(listed.size(), total), listed, Map.of());
    if (listed.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one field error");
    }
    if (total < listed.size()) {
      throw new IllegalArgumentException("total " + total + " < listed " + listed.size());
    }
  }

  public static ValidationException of(String pointer, String reason) {
    return new ValidationException(List.of(new FieldError(pointer, reason)));
  }

  private static String detail(int listed, int total) {
    if (total == 1) {
      return "The request has 1 invalid field.";
    }
    String detail = "The request has " + total + " invalid fields.";
    return listed == total ? detail : detail + " The first " + listed + " are listed.";
  }
}

package io.wearflow.http.problem;

import java.util.List;
import java.util.Map;

/**
 * A well-formed request whose content breaks the contract: answered 422 with every field error of
 * the request, so a client can fix them all in one round.
 */
public class ValidationException extends ApiException {

  public ValidationException(List<FieldError> errors) {
    super(422, ProblemType.VALIDATION_FAILED, detail(errors), errors, Map.of());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one field error");
    }
  }

  public static ValidationException of(String pointer, String reason) {
    return new ValidationException(List.of(new FieldError(pointer, reason)));
  }

  private static String detail(List<FieldError> errors) {
    return errors.size() == 1
        ? "The request has 1 invalid field."
        : "The request has " + errors.size() + " invalid fields.";
  }
}

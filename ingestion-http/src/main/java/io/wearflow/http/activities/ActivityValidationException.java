package io.wearflow.http.activities;

import java.util.List;

/**
 * A request to the recorded-activities API ({@code /api/v1/activities/}) that cannot be accepted: a
 * corrupt or truncated FIT, a CSV without timestamps, an unknown sport, a bad query parameter.
 * Carries every error found (the first {@link #MAX_LISTED} of them); the edge answers 422 with the
 * reference's {@code {"detail": [{"loc", "msg", "type"}]}} body, the shape that API's clients
 * parse, instead of the problem+json of the other APIs.
 */
public class ActivityValidationException extends RuntimeException {

  /** How many errors one file lists; later ones are only counted in {@link #total()}. */
  public static final int MAX_LISTED = 20;

  private final List<ActivityValidationError> errors;
  private final int total;

  public ActivityValidationException(List<ActivityValidationError> errors, int total) {
    super(errors.isEmpty() ? "no errors" : errors.get(0).msg());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
    this.total = total;
  }

  public static ActivityValidationException of(List<Object> loc, String msg, String type) {
    return new ActivityValidationException(List.of(new ActivityValidationError(loc, msg, type)), 1);
  }

  /** The errors, at most {@link #MAX_LISTED}, in the order found. */
  public List<ActivityValidationError> errors() {
    return errors;
  }

  /** How many errors were found, listed or not. */
  public int total() {
    return total;
  }
}

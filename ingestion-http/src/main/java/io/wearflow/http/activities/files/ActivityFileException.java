package io.wearflow.http.activities.files;

import java.util.List;

/**
 * An uploaded activity file (or the upload's {@code sport}) that cannot be accepted: a corrupt or
 * truncated FIT, a CSV without timestamps, an unknown sport. Carries every error found (the first
 * {@link #MAX_LISTED} of them) so the edge can answer 422 with the reference's {@code {"detail":
 * [...]}} in one round.
 */
public class ActivityFileException extends RuntimeException {

  /** How many errors one file lists; later ones are only counted in {@link #total()}. */
  public static final int MAX_LISTED = 20;

  private final List<ActivityFileError> errors;
  private final int total;

  public ActivityFileException(List<ActivityFileError> errors, int total) {
    super(errors.isEmpty() ? "no errors" : errors.get(0).msg());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an activity file failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
    this.total = total;
  }

  public static ActivityFileException of(List<Object> loc, String msg, String type) {
    return new ActivityFileException(List.of(new ActivityFileError(loc, msg, type)), 1);
  }

  /** The errors, at most {@link #MAX_LISTED}, in the order found. */
  public List<ActivityFileError> errors() {
    return errors;
  }

  /** How many errors were found, listed or not. */
  public int total() {
    return total;
  }
}

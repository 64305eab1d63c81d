package io.wearflow.http.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects the field errors of one request while a validator walks it, in document order. */
public final class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  public void add(String pointer, String reason) {
    errors.add(new FieldError(pointer, reason));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public int size() {
    return errors.size();
  }

  /** Throws a {@link ValidationException} carrying every error collected, if any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(List.copyOf(errors));
    }
  }
}

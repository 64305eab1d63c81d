package io.wearflow.http.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one request while a validator walks it, in document order. A
 * collector may list only the first errors ({@link #FieldErrors(int)}): a request with thousands of
 * bad points is then answered with the first ones and the total count, not a megabyte of errors.
 */
public final class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();
  private final int maxListed;
  private int total;

  /** Lists every error. */
  public FieldErrors() {
    this(Integer.MAX_VALUE);
  }

  /**
   * @param maxListed most errors the response lists, at least 1; later ones are only counted
   */
  public FieldErrors(int maxListed) {
    if (maxListed < 1) {
      throw new IllegalArgumentException("maxListed must be at least 1: " + maxListed);
    }
    this.maxListed = maxListed;
  }

  public void add(String pointer, String reason) {
    total++;
    if (errors.size() < maxListed) {
      errors.add(new FieldError(pointer, reason));
    }
  }

  public boolean isEmpty() {
    return total == 0;
  }

  /** Errors found so far, including those not listed. */
  public int size() {
    return total;
  }

  /** Throws a {@link ValidationException} carrying every error collected, if any. */
  public void throwIfAny() {
    if (total > 0) {
      throw new ValidationException(List.copyOf(errors), total);
    }
  }
}

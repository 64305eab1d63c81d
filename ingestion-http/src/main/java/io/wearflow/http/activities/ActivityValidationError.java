package io.wearflow.http.activities;

import java.util.List;
import java.util.Objects;

/**
 * One problem with a recorded-activities request (a file, a form field, a query parameter), in the
 * shape of the reference's {@code ValidationError}: {@code {"loc": [...], "msg": "...", "type":
 * "..."}}.
 *
 * @param loc where: {@code ["body", "files", 0]} for a whole file, {@code ["body", "files", 0,
 *     "line", 12, "power"]} for one CSV cell, {@code ["body", "sport"]} for the form field
 * @param msg what is wrong, for people
 * @param type what is wrong, for programs (pydantic's names where one fits: {@code missing}, {@code
 *     enum}, {@code float_parsing}, {@code datetime_parsing}; else {@code value_error})
 */
public record ActivityValidationError(List<Object> loc, String msg, String type) {

  public ActivityValidationError {
    loc = List.copyOf(loc);
    Objects.requireNonNull(msg, "msg");
    Objects.requireNonNull(type, "type");
  }
}

package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRangeTest {

  @Test
  void validRangeIsParsed() {
    assertThat(DateRange.fromQuery("2023-11-01", "2023-11-02"))
        .isEqualTo(new DateRange(LocalDate.of(2023, 11, 1), LocalDate.of(2023, 11, 2)));
  }

  @Test
  void singleDayIsARange() {
    assertThat(DateRange.fromQuery("2023-11-01", "2023-11-01").end())
        .isEqualTo(LocalDate.of(2023, 11, 1));
  }

  @Test
  void bothParametersAreRequired() {
    assertThat(errorsOf(null, ""))
        .containsExactly(
            new FieldError("/start_date", "is required"),
            new FieldError("/end_date", "is required"));
  }

  @Test
  void datesMustBeIsoDates() {
    assertThat(errorsOf("2023-11-1", "2023-11-01T00:00:00Z"))
        .containsExactly(
            new FieldError("/start_date", "must be a date in the format YYYY-MM-DD"),
            new FieldError("/end_date", "must be a date in the format YYYY-MM-DD"));
  }

  @Test
  void endBeforeStartIsRefused() {
    assertThat(errorsOf("2023-11-02", "2023-11-01"))
        .containsExactly(new FieldError("/end_date", "must not be before start_date"));
  }

  @Test
  void rangesLongerThanAPageAreAllowed() {
    assertThat(DateRange.fromQuery("2020-01-01", "2025-12-31"))
        .isEqualTo(new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31)));
  }

  @Test
  void yearsOutsideOneToNineThousandNineHundredNinetyNineAreRefused() {
    assertThat(errorsOf("0000-01-01", "+10000-01-01"))
        .containsExactly(
            new FieldError("/start_date", "must be a date in the format YYYY-MM-DD"),
            new FieldError("/end_date", "must be a date in the format YYYY-MM-DD"));
  }

  @Test
  void impossibleDatesAreRefused() {
    assertThat(errorsOf("2023-02-29", "2023-13-01"))
        .containsExactly(
            new FieldError("/start_date", "must be a date in the format YYYY-MM-DD"),
            new FieldError("/end_date", "must be a date in the format YYYY-MM-DD"));
  }

  private static List<FieldError> errorsOf(String start, String end) {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> DateRange.fromQuery(start, end));
    assertThat(e).as("validation failure").isNotNull();
    return e.errors();
  }
}

package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaysQueryTest {

  @Test
  void limitDefaultsTo366() {
    assertThat(DaysQuery.fromQuery("2023-11-01", "2023-11-02", null))
        .isEqualTo(
            new DaysQuery(
                new DateRange(LocalDate.of(2023, 11, 1), LocalDate.of(2023, 11, 2)), 366));
  }

  @Test
  void limitFromOneTo366IsAccepted() {
    assertThat(DaysQuery.fromQuery("2023-11-01", "2023-11-02", "1").limit()).isEqualTo(1);
    assertThat(DaysQuery.fromQuery("2023-11-01", "2023-11-02", "366").limit()).isEqualTo(366);
  }

  @Test
  void limitOutsideOneTo366OrNotAnIntegerIsRefused() {
    for (String limit : List.of("0", "367", "-1", "1.5", "ten", "", "0366000")) {
      assertThat(errorsOf("2023-11-01", "2023-11-02", limit))
          .as("limit=%s", limit)
          .containsExactly(new FieldError("/limit", "must be an integer from 1 to 366"));
    }
  }

  @Test
  void everyParameterErrorIsReported() {
    assertThat(errorsOf(null, "2023-11-02", "400"))
        .containsExactly(
            new FieldError("/start_date", "is required"),
            new FieldError("/limit", "must be an integer from 1 to 366"));
  }

  @Test
  void nextPageStartsTheDayAfterTheLastDayReturned() {
    DaysQuery query = DaysQuery.fromQuery("2023-12-01", "2024-12-31", "31");

    DaysQuery next = query.after(LocalDate.of(2023, 12, 31));

    assertThat(next)
        .isEqualTo(
            new DaysQuery(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), 31));
    assertThat(next.uri("/api/0.1/actigraphy/"))
        .isEqualTo("/api/0.1/actigraphy/?start_date=2024-01-01&end_date=2024-12-31&limit=31");
  }

  private static List<FieldError> errorsOf(String start, String end, String limit) {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> DaysQuery.fromQuery(start, end, limit));
    assertThat(e).as("validation failure").isNotNull();
    return e.errors();
  }
}

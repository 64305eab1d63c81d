package io.wearflow.http.activities.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityQueryTest {

  @Test
  void listParametersMayRepeatOrBeCommaSeparated() {
    ActivityQuery query =
        new ActivityQuery(
            Map.of(
                "sport", List.of("cycling,running", "cycling"),
                "metrics", List.of("duration,heart_rate", "power")));

    assertThat(query.sports()).containsExactly("cycling", "running");
    assertThat(query.metrics("metrics", List.of()))
        .containsExactly(Metric.HEART_RATE, Metric.POWER);
    query.throwIfAny();
  }

  @Test
  void datesAndDateTimesAreBothBounds() {
    ActivityQuery query =
        new ActivityQuery(
            Map.of(
                "start", List.of("2024-05-01"),
                "end", List.of("2024-05-02T10:00:00+02:00"),
                "date", List.of("2024-05-02T10:00:00")));

    assertThat(query.dateBound("start")).isEqualTo(DateBound.ofDate(LocalDate.parse("2024-05-01")));
    assertThat(query.dateBound("end"))
        .isEqualTo(DateBound.ofInstant(Instant.parse("2024-05-02T08:00:00Z")));
    assertThat(query.dateBound("date"))
        .isEqualTo(DateBound.ofInstant(Instant.parse("2024-05-02T10:00:00Z")));
  }

  @Test
  void everyBadParameterIsListedWithItsQueryLocation() {
    ActivityQuery query =
        new ActivityQuery(
            Map.of(
                "sport", List.of("curling"),
                "limit", List.of("0"),
                "offset", List.of("x"),
                "start", List.of("yesterday"),
                "durations", List.of("5,-1"),
                "format", List.of("csv")));
    query.sports();
    query.integer("limit", 50, 1, 1000);
    query.integer("offset", 0, 0, Integer.MAX_VALUE);
    query.dateBound("start");
    query.durations("durations");
    query.format();

    assertThatThrownBy(query::throwIfAny)
        .isInstanceOfSatisfying(
            ActivityValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ActivityValidationError::loc, ActivityValidationError::type)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of("query", "sport"), "enum"),
                        org.assertj.core.groups.Tuple.tuple(
                            List.of("query", "limit"), "greater_than_equal"),
                        org.assertj.core.groups.Tuple.tuple(
                            List.of("query", "offset"), "int_parsing"),
                        org.assertj.core.groups.Tuple.tuple(
                            List.of("query", "start"), "datetime_parsing"),
                        org.assertj.core.groups.Tuple.tuple(
                            List.of("query", "durations"), "value_error"),
                        org.assertj.core.groups.Tuple.tuple(List.of("query", "format"), "enum")));
  }

  @Test
  void longitudinalRangeDefaultsToNinetyDaysEndingTodayAndHonoursDeprecatedWindow() {
    LocalDate today = LocalDate.parse("2024-04-15");
    assertThat(DateRange.parse(new ActivityQuery(Map.of()), today))
        .isEqualTo(new DateRange(LocalDate.parse("2024-01-17"), today));
    assertThat(
            DateRange.parse(
                new ActivityQuery(
                    Map.of("date", List.of("2024-03-10"), "window_days", List.of("10"))),
                today))
        .isEqualTo(new DateRange(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10")));
    ActivityQuery reversed =
        new ActivityQuery(Map.of("start", List.of("2024-03-10"), "end", List.of("2024-03-01")));
    DateRange.parse(reversed, today);
    assertThatThrownBy(reversed::throwIfAny).isInstanceOf(ActivityValidationException.class);
  }

  @Test
  void logSpacedDurationsStartEverySecondAndEndAtTheLength() {
    List<Integer> grid = DurationGrid.logSpaced(3600);
    assertThat(grid).startsWith(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).endsWith(3600);
    assertThat(grid.size()).isBetween(100, 200);
    assertThat(DurationGrid.logSpaced(4)).containsExactly(1, 2, 3, 4);
  }
}

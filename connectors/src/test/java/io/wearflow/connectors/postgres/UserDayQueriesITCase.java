package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link UserDayQueries} against a real PostgreSQL: rows are written with plain SQL, as the
 * user-day job's sink would, and read back as {@link UserDay} records.
 */
class UserDayQueriesITCase {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final String SOURCES =
      "[{\"source\": \"activity-timeseries-0.1\", \"device_name\": \"band\", \"steps\": 700,"
          + " \"distance_m\": 500.5, \"calories_j\": 42000, \"sample_count\": 3},"
          + " {\"source\": \"samples-v1.1\", \"device_name\": \"iPhone\", \"steps\": 534,"
          + " \"distance_m\": 0, \"calories_j\": 0, \"sample_count\": 2}]";

  private static Database database;
  private static UserDayQueries queries;

  @BeforeAll
  static void fill() throws SQLException {
    database = TestPostgres.newDatabase("user_day_queries");
    queries = new UserDayQueries(database.dataSource());
    insertDay(ALICE, "2024-03-30", 1234, SOURCES, 52.0, 140.0, 71.25, 55.5);
    insertDay(ALICE, "2024-03-31", 10, "[]", null, null, null, null);
    insertDay(ALICE, "2024-04-02", 20, "[]", null, null, null, null);
    insertDay(ALICE, "2024-04-03", 30, "[]", null, null, null, null);
    insertDay(BOB, "2024-03-31", 999, "[]", null, null, null, null);
    Double[] steps = new Double[1440];
    steps[0] = 12.0;
    steps[1439] = 3.5;
    Double[] bpm = new Double[1440];
    bpm[600] = 61.5;
    insertMinutes(ALICE, "2024-03-30", steps, new Double[1440], new Double[1440], bpm);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void dayCarriesEveryV2Metric() {
    UserDay day = queries.findDays(ALICE, date("2024-03-30"), date("2024-03-30"), 10).get(0);

    assertThat(day.getUserId()).isEqualTo(ALICE);
    assertThat(day.getLocalDate()).isEqualTo(date("2024-03-30"));
    assertThat(day.getStepsTotal()).isEqualTo(1234.0);
    assertThat(day.getDistanceTotalM()).isEqualTo(500.5);
    assertThat(day.getCaloriesTotalJ()).isEqualTo(42000.0);
    assertThat(day.getBpmMin()).isEqualTo(52.0);
    assertThat(day.getBpmMax()).isEqualTo(140.0);
    assertThat(day.getBpmMean()).isEqualTo(71.25);
    assertThat(day.getBpmResting()).isEqualTo(55.5);
    assertThat(day.getMinutesWithData()).isEqualTo(321);
    assertThat(day.getActiveMinutes()).isEqualTo(12);
    assertThat(day.getDayStartHour()).isEqualTo(4);
    assertThat(day.getSampleCount()).isEqualTo(5);
    assertThat(day.getDevices()).containsExactly("band", "iPhone");
    assertThat(day.getUpdatedAt()).isEqualTo(Instant.parse("2024-04-01T10:00:00.123Z"));
    assertThat(day.getSources())
        .containsExactly(
            new SourceTotals("activity-timeseries-0.1", "band", 700.0, 500.5, 42000.0, 3),
            new SourceTotals("samples-v1.1", "iPhone", 534.0, 0.0, 0.0, 2));
    assertThat(day.getStepsPerMinute()).isEmpty();
  }

  @Test
  void daysWithoutHeartRateHaveNullHeartRate() {
    UserDay day = queries.findDays(ALICE, date("2024-03-31"), date("2024-03-31"), 10).get(0);

    assertThat(day.getBpmMin()).isNull();
    assertThat(day.getBpmMean()).isNull();
    assertThat(day.getBpmResting()).isNull();
    assertThat(day.getSources()).isEmpty();
  }

  @Test
  void rangeIsInclusiveOrderedByDateAndOnlyTheUsers() {
    List<UserDay> days = queries.findDays(ALICE, date("2024-03-31"), date("2024-04-02"), 366);

    assertThat(days)
        .extracting(UserDay::getLocalDate)
        .containsExactly(date("2024-03-31"), date("2024-04-02"));
    assertThat(days).extracting(UserDay::getStepsTotal).containsExactly(10.0, 20.0);
  }

  @Test
  void limitKeepsTheEarliestDays() {
    List<UserDay> days = queries.findDays(ALICE, date("2024-01-01"), date("2024-12-31"), 2);

    assertThat(days)
        .extracting(UserDay::getLocalDate)
        .containsExactly(date("2024-03-30"), date("2024-03-31"));
  }

  @Test
  void limitMustBePositiveAndBounded() {
    assertThatThrownBy(() -> queries.findDays(ALICE, date("2024-01-01"), date("2024-01-02"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 1000: 0");
  }

  @Test
  void oneDayComesWithItsCurvesAndTheirNullSlots() {
    UserDay day = queries.findDay(ALICE, date("2024-03-30")).orElseThrow();

    assertThat(day.getStepsTotal()).isEqualTo(1234.0);
    List<Double> steps = nulls(1440);
    steps.set(0, 12.0);
    steps.set(1439, 3.5);
    List<Double> bpm = nulls(1440);
    bpm.set(600, 61.5);
    assertThat(day.getStepsPerMinute()).isEqualTo(steps);
    assertThat(day.getDistancePerMinute()).isEqualTo(nulls(1440));
    assertThat(day.getCaloriesPerMinute()).isEqualTo(nulls(1440));
    assertThat(day.getBpmPerMinute()).isEqualTo(bpm);
  }

  @Test
  void dayWithoutMinutesRowHasEmptyCurves() {
    UserDay day = queries.findDay(ALICE, date("2024-03-31")).orElseThrow();

    assertThat(day.getStepsTotal()).isEqualTo(10.0);
    assertThat(day.getStepsPerMinute()).isEmpty();
    assertThat(day.getBpmPerMinute()).isEmpty();
  }

  @Test
  void dayWithoutRowIsEmptyAndOtherUsersDaysAreNotFound() {
    assertThat(queries.findDay(ALICE, date("2024-04-01"))).isEmpty();
    assertThat(queries.findDay(BOB, date("2024-03-30"))).isEqualTo(Optional.empty());
  }

  private static void insertDay(
      long user,
      String date,
      double steps,
      String sources,
      Double min,
      Double max,
      Double mean,
      Double resting)
      throws SQLException {
    String sql =
        "INSERT INTO user_day (user_id, local_date, steps_total, bpm_min, bpm_max, bpm_mean,"
            + " sample_count, devices, updated_at, distance_total_m, calories_total_j,"
            + " bpm_resting, minutes_with_data, active_minutes, day_start_hour, sources)"
            + " VALUES (?, ?, ?, ?, ?, ?, 5, ARRAY['band', 'iPhone'],"
            + " '2024-04-01T10:00:00.123Z', 500.5, 42000, ?, 321, 12, 4, ?::jsonb)";
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, user);
      statement.setObject(2, date(date));
      statement.setDouble(3, steps);
      statement.setObject(4, min);
      statement.setObject(5, max);
      statement.setObject(6, mean);
      statement.setObject(7, resting);
      statement.setString(8, sources);
      statement.executeUpdate();
    }
  }

  private static void insertMinutes(
      long user, String date, Double[] steps, Double[] distance, Double[] calories, Double[] bpm)
      throws SQLException {
    String sql =
        "INSERT INTO user_day_minutes (user_id, local_date, steps, distance_m, calories_j, bpm)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, user);
      statement.setObject(2, date(date));
      statement.setArray(3, connection.createArrayOf("float8", steps));
      statement.setArray(4, connection.createArrayOf("float8", distance));
      statement.setArray(5, connection.createArrayOf("float8", calories));
      statement.setArray(6, connection.createArrayOf("float8", bpm));
      statement.executeUpdate();
    }
  }

  private static List<Double> nulls(int size) {
    return new ArrayList<>(Collections.nCopies(size, (Double) null));
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }
}

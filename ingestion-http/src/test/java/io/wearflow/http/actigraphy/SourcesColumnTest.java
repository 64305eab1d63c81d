package io.wearflow.http.actigraphy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.http.actigraphy.ActigraphyDay.Source;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming read of {@code user_day.sources} against the tree reading it replaces. */
class SourcesColumnTest {

  @Test
  void readsTheColumnAsPostgresqlReturnsIt() throws SQLException {
    // jsonb orders keys by length, and prints numbers as numerics (no exponent).
    String column =
        "[{\"steps\": 8000.0, \"source\": \"activity-timeseries-0.1\", \"calories_j\": 12000000,"
            + " \"distance_m\": 6120.5, \"device_name\": \"band \\\"2\\\" ⌚\","
            + " \"sample_count\": 4140}]";

    assertThat(SourcesColumn.parse(column.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            new Source("activity-timeseries-0.1", "band \"2\" ⌚", 8000.0, 6120.5, 1.2e7, 4140))
        .isEqualTo(SourcesColumn.tree(column));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        " [ ] ",
        "[{}]",
        "[{\"source\": \"a\"}, {\"device_name\": \"b\", \"steps\": 1}]",
        "[{\"steps\": \"12.5\", \"sample_count\": \"7\"}]",
        "[{\"source\": null, \"device_name\": 3, \"steps\": true}]",
        "[{\"sample_count\": 3.9, \"distance_m\": 1e400}]",
        "[{\"sample_count\": 12345678901, \"calories_j\": -0.0}]",
        "[{\"source\": {\"nested\": [1, 2]}, \"extra\": [{\"x\": 1}], \"steps\": 2}]",
        "[{\"extra\": {\"source\": \"x\"}, \"source\": \"y\"}]",
        "[1, \"x\", null]",
        "{\"source\": \"not an array\"}",
        "[{\"source\": \"a\", \"source\": \"b\"}]"
      })
  void everyShapeReadsAsTheTreeReadsIt(String column) throws SQLException {
    List<Source> tree = SourcesColumn.tree(column);

    assertThat(SourcesColumn.parse(column.getBytes(StandardCharsets.UTF_8))).isEqualTo(tree);
  }

  @Test
  void notJsonIsAnSqlError() {
    assertThatThrownBy(() -> SourcesColumn.parse("[{\"source\": ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SQLException.class);
  }
}

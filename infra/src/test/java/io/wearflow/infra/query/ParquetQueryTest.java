package io.wearflow.infra.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ParquetQueryTest {

  @Test
  void printsAPaddedTableWithARowCount() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT * FROM (VALUES (1, 'steps', 98.0), (22, NULL, 1.5)) t(user_id, type, v)")) {
      ParquetQuery.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "user_id  type   v",
            "-----------------",
            "1        steps  98.0",
            "22       NULL   1.5",
            "(2 rows)");
  }
}

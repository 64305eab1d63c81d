package io.wearflow.infra.query;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./wearflow query "<SQL>"}: runs SQL in an in-memory DuckDB, the same engine analysts use
 * on the Parquet exports, and prints the result as a table. For machines without the DuckDB command
 * line; paths are relative to the directory {@code ./wearflow} was run from, e.g. {@code
 * read_parquet('data/exports/user_days/&#42;/&#42;.parquet', hive_partitioning = true)}.
 */
public final class ParquetQuery {

  static final int MAX_ROWS = 1000;

  private ParquetQuery() {}

  public static void main(String[] args) {
    if (args.length != 1 || args[0].equals("--help")) {
      System.err.println(
          """
          Usage: ./wearflow query "<SQL>"

          Runs the SQL in DuckDB and prints at most 1000 rows, e.g.
            ./wearflow query "SELECT date, data_type, count(*) AS samples, sum(value) AS total
              FROM read_parquet('data/exports/samples/*/*.parquet', hive_partitioning = true)
              GROUP BY ALL ORDER BY ALL\"""");
      System.exit(args.length == 1 ? 0 : 2);
      return;
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows = statement.executeQuery(args[0])) {
      print(rows, System.out);
    } catch (SQLException e) {
      System.err.println("wearflow query: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Prints the rows as a table with a header, columns padded to their widest value. */
  static void print(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String[]> table = new ArrayList<>();
    String[] header = new String[columns];
    for (int c = 0; c < columns; c++) {
      header[c] = meta.getColumnLabel(c + 1);
    }
    table.add(header);
    int count = 0;
    boolean more = false;
    while (rows.next()) {
      if (count == MAX_ROWS) {
        more = true;
        break;
      }
      String[] row = new String[columns];
      for (int c = 0; c < columns; c++) {
        Object value = rows.getObject(c + 1);
        row[c] = value == null ? "NULL" : value.toString();
      }
      table.add(row);
      count++;
    }
    int[] widths = new int[columns];
    for (String[] row : table) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (int r = 0; r < table.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = table.get(r)[c];
        line.append(c == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[c] - cell.length()));
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        out.println("-".repeat(line.toString().stripTrailing().length()));
      }
    }
    out.printf("(%d row%s%s)%n", count, count == 1 ? "" : "s", more ? ", more not shown" : "");
  }
}

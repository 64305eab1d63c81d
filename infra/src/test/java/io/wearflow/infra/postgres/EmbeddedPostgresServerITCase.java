package io.wearflow.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.PostgresConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerITCase {

  @TempDir Path dir;

  @Test
  void restartKeepsRows() throws Exception {
    Path data = dir.resolve("postgres");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
      assertThat(server.jdbcUrl()).endsWith("/wearflow");
      execute(
          server.postgresConfig(),
          "CREATE TABLE readings (user_id bigint, value double precision)");
      execute(server.postgresConfig(), "INSERT INTO readings VALUES (42, 61.5)");
    }

    try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0)) {
      assertThat(query(restarted.postgresConfig(), "SELECT user_id || ':' || value FROM readings"))
          .containsExactly("42:61.5");
    }
  }

  @Test
  void wearflowMigrationsRunOnTheEmbeddedDatabase() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("pg"), 0)) {
      server.createDatabase("second_db");
      try (Database database = Database.connect(server.postgresConfig("second_db"))) {
        assertThat(database.dataSource()).isNotNull();
      }

      assertThat(
              query(
                  server.postgresConfig("second_db"),
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = 'public' AND table_name IN ('accounts', 'user_day')"
                      + " ORDER BY table_name"))
          .containsExactly("accounts", "user_day");
      assertThat(
              query(
                  server.postgresConfig(),
                  "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"))
          .containsExactly("0");
    }
  }

  private static void execute(PostgresConfig config, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> query(PostgresConfig config, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }
}

package io.wearflow.connectors.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, deleted at exit); each test
 * class gets its own freshly migrated database from {@link #newDatabase}.
 */
final class TestPostgres {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new, migrated database named after {@code prefix}, with a pool of 2 connections. */
  static Database newDatabase(String prefix) {
    return Database.connect(newEmptyDatabase(prefix), 2);
  }

  /** A new database named after {@code prefix}, without wearflow's tables. */
  static PostgresConfig newEmptyDatabase(String prefix) {
    String name = prefix + "_" + COUNTER.incrementAndGet();
    EmbeddedPostgres postgres = server();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new PostgresConfig(postgres.getJdbcUrl("postgres", name), "postgres", "");
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start PostgreSQL", e);
      }
    }
    return server;
  }
}

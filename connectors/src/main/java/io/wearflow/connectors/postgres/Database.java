package io.wearflow.connectors.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool to wearflow's PostgreSQL database, with the schema brought up to date on
 * connect: the project creates and migrates its own tables (Flyway scripts in {@code
 * db/migration}), so a fresh database and an old one both end up with the current tables.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Connects with a pool of up to 8 connections and runs pending migrations. */
  public static Database connect(PostgresConfig config) {
    return connect(config, 8);
  }

  /** Connects with a pool of up to {@code maxPoolSize} connections and runs pending migrations. */
  public static Database connect(PostgresConfig config, int maxPoolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.username());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(maxPoolSize);
    hikari.setMinimumIdle(1);
    hikari.setPoolName("wearflow");
    hikari.setConnectionTimeout(10_000);
    HikariDataSource dataSource = new HikariDataSource(hikari);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

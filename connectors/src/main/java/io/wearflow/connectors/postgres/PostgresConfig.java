package io.wearflow.connectors.postgres;

import java.io.Serializable;
import java.util.Objects;

/**
 * How to reach wearflow's PostgreSQL database. Serializable so that Flink sinks can carry it.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:15432/wearflow}
 * @param username database user
 * @param password database password (never printed)
 */
public record PostgresConfig(String jdbcUrl, String username, String password)
    implements Serializable {

  public PostgresConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC url: " + jdbcUrl);
    }
    Objects.requireNonNull(username, "username");
  }

  @Override
  public String toString() {
    return "PostgresConfig[jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
  }
}

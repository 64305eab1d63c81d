package io.wearflow.connectors.postgres;

import java.util.Locale;

/** What an account is: an athlete owns data, a manager reads it through permissions. */
public enum Role {
  ATHLETE,
  MANAGER,
  ADMIN;

  /** The value stored in {@code accounts.role} and carried in tokens. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromDbValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}

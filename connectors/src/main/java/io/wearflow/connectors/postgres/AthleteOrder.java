package io.wearflow.connectors.postgres;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields the athlete list may be ordered by (the reference's {@code ordering} enum), with the
 * SQL expression each sorts on. Ties are always broken by account id.
 */
public enum AthleteOrder {
  ID("id", "a.id"),
  USERNAME("username", "a.username"),
  EMAIL("email", "a.email"),
  EXTERNAL_ID("external_id", "a.external_id"),
  FIRST_NAME("first_name", "a.athlete_profile->>'first_name'"),
  LAST_NAME("last_name", "a.athlete_profile->>'last_name'"),
  GENDER("gender", "a.athlete_profile->>'gender'"),
  BIRTHDATE("birthdate", "a.athlete_profile->>'birth_date'"),
  MANAGED_BY("managed_by", "a.managed_by");

  private final String field;
  private final String sql;

  AthleteOrder(String field, String sql) {
    this.field = field;
    this.sql = sql;
  }

  /** The name in the API's {@code ordering} parameter. */
  public String field() {
    return field;
  }

  String sql() {
    return sql;
  }

  public static Optional<AthleteOrder> ofField(String field) {
    return Arrays.stream(values()).filter(o -> o.field.equals(field)).findFirst();
  }
}

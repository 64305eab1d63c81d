package io.wearflow.connectors.postgres;

import java.time.LocalDate;

/**
 * The filters of the athlete list ({@code GET /v1/athletes/}); every member is optional (null: no
 * filter). Text filters are case-insensitive "contains" matches; {@code search} matches any of
 * username, email, external id, first name and last name.
 *
 * @param gender exact match, case-insensitive
 * @param managedBy id of the managing manager
 * @param isManaged true: only managed athletes, false: only self-registered ones
 * @param birthdateFrom inclusive lower bound of the profile's birth date
 * @param birthdateTo inclusive upper bound of the profile's birth date
 */
public record AthleteFilter(
    String search,
    String email,
    String username,
    String externalId,
    String firstName,
    String lastName,
    String gender,
    Long managedBy,
    Boolean isManaged,
    LocalDate birthdateFrom,
    LocalDate birthdateTo) {

  /** No filter at all. */
  public static final AthleteFilter NONE =
      new AthleteFilter(null, null, null, null, null, null, null, null, null, null, null);
}

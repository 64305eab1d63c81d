package io.wearflow.http.athletes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An athlete as the API returns it (live-timeframes-api.txt, "AthleteProfile"): never a password or
 * hash. The profile's {@code id} is the account id; its fields are null when not set.
 *
 * <pre>{@code
 * {"id": 12, "username": "jon.doe@example.com", "external_id": "0123456789",
 *  "email": "jon.doe@example.com", "managed_by": null,
 *  "athlete_profile": {"id": 12, "external_id": "e6195b18-...", "first_name": "Usain",
 *    "last_name": "Bolt", "gender": "M", "weight": 94, "height": 1.95,
 *    "birth_date": "1986-08-21", "nationality": "Switzerland", "profile_picture": "iVBOR..."}}
 * }</pre>
 */
@JsonPropertyOrder({"id", "username", "external_id", "email", "managed_by", "athlete_profile"})
public record AthleteView(
    @JsonProperty("id") long id,
    @JsonProperty("username") String username,
    @JsonProperty("external_id") String externalId,
    @JsonProperty("email") String email,
    @JsonProperty("managed_by") Long managedBy,
    @JsonProperty("athlete_profile") ProfileView athleteProfile) {

  /** The profile inside an athlete, with the account id as its {@code id}. */
  @JsonPropertyOrder({
    "id",
    "external_id",
    "first_name",
    "last_name",
    "gender",
    "weight",
    "height",
    "birth_date",
    "nationality",
    "profile_picture"
  })
  public record ProfileView(
      @JsonProperty("id") long id,
      @JsonProperty("external_id") String externalId,
      @JsonProperty("first_name") String firstName,
      @JsonProperty("last_name") String lastName,
      @JsonProperty("gender") String gender,
      @JsonProperty("weight") BigDecimal weight,
      @JsonProperty("height") BigDecimal height,
      @JsonProperty("birth_date") LocalDate birthDate,
      @JsonProperty("nationality") String nationality,
      @JsonProperty("profile_picture") String profilePicture) {

    static ProfileView of(long id, AthleteProfile p) {
      return new ProfileView(
          id,
          p.externalId(),
          p.firstName(),
          p.lastName(),
          p.gender(),
          p.weight(),
          p.height(),
          p.birthDate(),
          p.nationality(),
          p.profilePicture());
    }
  }
}

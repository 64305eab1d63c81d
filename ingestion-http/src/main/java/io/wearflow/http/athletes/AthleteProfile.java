package io.wearflow.http.athletes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An athlete's profile as stored in {@code accounts.athlete_profile} (JSON, these snake_case names)
 * and returned inside an athlete. Every field is optional (null when not sent). Numbers are kept as
 * sent ({@code 94} stays {@code 94}).
 *
 * @param weight body weight in kilograms
 * @param height body height in metres
 * @param birthDate calendar date of birth
 * @param profilePicture picture as sent by the client (base64 image data in the reference)
 */
@JsonPropertyOrder({
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
public record AthleteProfile(
    @JsonProperty("external_id") String externalId,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("gender") String gender,
    @JsonProperty("weight") BigDecimal weight,
    @JsonProperty("height") BigDecimal height,
    @JsonProperty("birth_date") LocalDate birthDate,
    @JsonProperty("nationality") String nationality,
    @JsonProperty("profile_picture") String profilePicture) {

  /** The profile of an athlete who sent none. */
  public static final AthleteProfile EMPTY =
      new AthleteProfile(null, null, null, null, null, null, null, null, null);
}

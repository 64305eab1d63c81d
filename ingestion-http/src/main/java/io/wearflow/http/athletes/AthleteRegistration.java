package io.wearflow.http.athletes;

import java.util.Objects;

/**
 * A validated {@code POST /v1/athletes/} request.
 *
 * @param externalId the athlete's id in another organisation, null when not sent
 * @param profile the athlete profile, null when not sent
 */
public record AthleteRegistration(
    String username, String email, String password, String externalId, AthleteProfile profile) {

  public AthleteRegistration {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "AthleteRegistration[username=" + username + ", password=<hidden>]";
  }
}

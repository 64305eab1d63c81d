package io.wearflow.http.athletes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.postgres.Account;

/** Converts between stored athlete accounts (profile as JSON text) and the API's views. */
final class AthleteJson {

  private final ObjectMapper mapper;

  AthleteJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The API view of a stored athlete account. */
  AthleteView view(Account account) {
    AthleteProfile profile = AthleteProfile.EMPTY;
    if (account.athleteProfileJson() != null) {
      try {
        profile = mapper.readValue(account.athleteProfileJson(), AthleteProfile.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable profile of account " + account.id(), e);
      }
    }
    return new AthleteView(
        account.id(),
        account.username(),
        account.externalId(),
        account.email(),
        account.managedBy(),
        AthleteView.ProfileView.of(account.id(), profile));
  }

  /** The profile as stored, null when none was sent. */
  String profileJson(AthleteProfile profile) {
    if (profile == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(profile);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a profile", e);
    }
  }
}

package io.wearflow.http.athletes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wearflow.connectors.postgres.ManagerAccount;

/** A manager as the API returns it: never a password or hash. */
@JsonPropertyOrder({"id", "username", "email", "can_manage_athletes"})
public record ManagerView(
    @JsonProperty("id") long id,
    @JsonProperty("username") String username,
    @JsonProperty("email") String email,
    @JsonProperty("can_manage_athletes") boolean canManageAthletes) {

  static ManagerView of(ManagerAccount manager) {
    return new ManagerView(
        manager.account().id(),
        manager.account().username(),
        manager.account().email(),
        manager.canManageAthletes());
  }
}

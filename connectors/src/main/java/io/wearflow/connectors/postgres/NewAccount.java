package io.wearflow.connectors.postgres;

/**
 * An account to create.
 *
 * @param passwordHash an already computed slow salted hash, never a password
 * @param athleteProfileJson the athlete profile as a JSON object text, or null
 */
public record NewAccount(
    String username,
    String email,
    String externalId,
    Role role,
    String passwordHash,
    Long managedBy,
    String athleteProfileJson) {

  @Override
  public String toString() {
    return "NewAccount[username=" + username + ", role=" + role + "]";
  }
}

package io.wearflow.http.auth;

import java.util.Objects;

/**
 * Who a request acts for, as established from its bearer token.
 *
 * @param accountId the account id (JWT {@code sub})
 * @param username the account's username
 * @param role {@code athlete}, {@code manager} or {@code admin}
 */
public record Principal(long accountId, String username, String role) {

  public Principal {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
  }
}

package io.wearflow.connectors.postgres;

/** An account with the same username exists already. */
public class DuplicateAccountException extends RuntimeException {

  public DuplicateAccountException(String username) {
    super("an account named '" + username + "' exists already");
  }
}

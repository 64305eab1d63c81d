package io.wearflow.http.auth;

import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.NewAccount;
import java.util.Optional;

/**
 * The account operations the HTTP edge needs, in production {@link #of(AccountStore)}. A port
 * rather than the store itself so the handlers' functional tests run without a database; the
 * end-to-end tests against PostgreSQL live in the infra module.
 */
public interface Accounts {

  /**
   * @throws DuplicateAccountException when the username is taken
   */
  Account create(NewAccount account);

  Optional<Account> findById(long id);

  Optional<Account> findByUsername(String username);

  /** The password hash, empty for accounts that cannot log in. */
  Optional<String> passwordHash(long accountId);

  static Accounts of(AccountStore store) {
    return new Accounts() {
      @Override
      public Account create(NewAccount account) {
        return store.create(account);
      }

      @Override
      public Optional<Account> findById(long id) {
        return store.findById(id);
      }

      @Override
      public Optional<Account> findByUsername(String username) {
        return store.findByUsername(username);
      }

      @Override
      public Optional<String> passwordHash(long accountId) {
        return store.passwordHash(accountId);
      }
    };
  }
}

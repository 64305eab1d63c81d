package io.wearflow.http.auth;

import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.AccountStore;
import io.wearflow.connectors.postgres.AthleteFilter;
import io.wearflow.connectors.postgres.AthleteOrder;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.ManagerAccount;
import io.wearflow.connectors.postgres.NewAccount;
import java.time.Instant;
import java.util.List;
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

  /**
   * Creates an athlete managed by {@code managerId}, with READ, WRITE and SHARE permissions for the
   * manager over {@code [from, to)}, all or nothing.
   */
  Account createManaged(
      long managerId, String externalId, String athleteProfileJson, Instant from, Instant to);

  /**
   * @throws DuplicateAccountException when the username is taken
   */
  ManagerAccount createManager(NewAccount manager, boolean canManageAthletes);

  /** The manager with its rights; empty when {@code id} is not a manager. */
  Optional<ManagerAccount> findManager(long id);

  List<ManagerAccount> listManagers(long offset, int limit);

  long countManagers();

  /** Athletes on whom the manager holds a READ permission in force at {@code now}. */
  List<Account> listReadableAthletes(
      long managerId,
      Instant now,
      AthleteFilter filter,
      AthleteOrder order,
      boolean descending,
      long offset,
      int limit);

  long countReadableAthletes(long managerId, Instant now, AthleteFilter filter);

  List<Account> findAthletesByExternalId(String externalId);

  /**
   * @throws DuplicateAccountException when the username is taken
   */
  Optional<Account> updateAthlete(
      long id, String username, String email, String externalId, String athleteProfileJson);

  boolean deleteAthlete(long id);

  /** Replaces the password hash (never a password). */
  boolean setPasswordHash(long id, String passwordHash);

  static Accounts of(AccountStore store) {
    return new Accounts() {
      @Override
      public Account createManaged(
          long managerId, String externalId, String athleteProfileJson, Instant from, Instant to) {
        return store.createManaged(managerId, externalId, athleteProfileJson, from, to);
      }

      @Override
      public ManagerAccount createManager(NewAccount manager, boolean canManageAthletes) {
        return store.createManager(manager, canManageAthletes);
      }

      @Override
      public Optional<ManagerAccount> findManager(long id) {
        return store.findManager(id);
      }

      @Override
      public List<ManagerAccount> listManagers(long offset, int limit) {
        return store.listManagers(offset, limit);
      }

      @Override
      public long countManagers() {
        return store.countManagers();
      }

      @Override
      public List<Account> listReadableAthletes(
          long managerId,
          Instant now,
          AthleteFilter filter,
          AthleteOrder order,
          boolean descending,
          long offset,
          int limit) {
        return store.listReadableAthletes(managerId, now, filter, order, descending, offset, limit);
      }

      @Override
      public long countReadableAthletes(long managerId, Instant now, AthleteFilter filter) {
        return store.countReadableAthletes(managerId, now, filter);
      }

      @Override
      public List<Account> findAthletesByExternalId(String externalId) {
        return store.findAthletesByExternalId(externalId);
      }

      @Override
      public Optional<Account> updateAthlete(
          long id, String username, String email, String externalId, String athleteProfileJson) {
        return store.updateAthlete(id, username, email, externalId, athleteProfileJson);
      }

      @Override
      public boolean deleteAthlete(long id) {
        return store.deleteAthlete(id);
      }

      @Override
      public boolean setPasswordHash(long id, String passwordHash) {
        return store.setPasswordHash(id, passwordHash);
      }

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

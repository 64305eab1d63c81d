package io.wearflow.http.auth;

import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.AthleteFilter;
import io.wearflow.connectors.postgres.AthleteOrder;
import io.wearflow.connectors.postgres.ManagerAccount;
import io.wearflow.connectors.postgres.NewAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link Accounts} that tell an {@link AccountCache} about every account they create, change or
 * delete (also when the write fails, as it may have happened); reads pass straight through.
 */
final class InvalidatingAccounts implements Accounts {

  private final Accounts source;
  private final AccountCache cache;

  InvalidatingAccounts(Accounts source, AccountCache cache) {
    this.source = source;
    this.cache = cache;
  }

  @Override
  public Account create(NewAccount account) {
    return created(source.create(account));
  }

  @Override
  public Account createManaged(
      long managerId, String externalId, String athleteProfileJson, Instant from, Instant to) {
    return created(source.createManaged(managerId, externalId, athleteProfileJson, from, to));
  }

  @Override
  public ManagerAccount createManager(NewAccount manager, boolean canManageAthletes) {
    ManagerAccount created = source.createManager(manager, canManageAthletes);
    cache.invalidate(created.account().id());
    return created;
  }

  @Override
  public Optional<Account> updateAthlete(
      long id, String username, String email, String externalId, String athleteProfileJson) {
    try {
      return source.updateAthlete(id, username, email, externalId, athleteProfileJson);
    } finally {
      cache.invalidate(id);
    }
  }

  @Override
  public boolean deleteAthlete(long id) {
    try {
      return source.deleteAthlete(id);
    } finally {
      cache.invalidate(id);
    }
  }

  @Override
  public boolean setPasswordHash(long id, String passwordHash) {
    try {
      return source.setPasswordHash(id, passwordHash);
    } finally {
      cache.invalidate(id);
    }
  }

  @Override
  public Optional<Account> findById(long id) {
    return source.findById(id);
  }

  @Override
  public Optional<Account> findByUsername(String username) {
    return source.findByUsername(username);
  }

  @Override
  public Optional<String> passwordHash(long accountId) {
    return source.passwordHash(accountId);
  }

  @Override
  public Optional<ManagerAccount> findManager(long id) {
    return source.findManager(id);
  }

  @Override
  public List<ManagerAccount> listManagers(long offset, int limit) {
    return source.listManagers(offset, limit);
  }

  @Override
  public long countManagers() {
    return source.countManagers();
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
    return source.listReadableAthletes(managerId, now, filter, order, descending, offset, limit);
  }

  @Override
  public long countReadableAthletes(long managerId, Instant now, AthleteFilter filter) {
    return source.countReadableAthletes(managerId, now, filter);
  }

  @Override
  public List<Account> findAthletesByExternalId(String externalId) {
    return source.findAthletesByExternalId(externalId);
  }

  private Account created(Account account) {
    cache.invalidate(account.id());
    return account;
  }
}

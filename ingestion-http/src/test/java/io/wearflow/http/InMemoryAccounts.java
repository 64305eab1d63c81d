package io.wearflow.http;

import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.AthleteFilter;
import io.wearflow.connectors.postgres.AthleteOrder;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.ManagerAccount;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.Accounts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts in memory, for the edge's functional tests that need no database. The PostgreSQL {@code
 * AccountStore} behind the same port is tested end to end in the infra module.
 */
final class InMemoryAccounts implements Accounts {

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Account> byId = new ConcurrentHashMap<>();
  private final Map<Long, String> hashes = new ConcurrentHashMap<>();
  private final Set<Long> managing = ConcurrentHashMap.newKeySet();

  /**
   * The permissions the athlete list and managed athletes use (a test shares it with its control
   * plane). Filters and ordering other than by id are the PostgreSQL store's, tested there.
   */
  InMemoryPermissions permissions = new InMemoryPermissions();

  @Override
  public synchronized Account create(NewAccount account) {
    if (findByUsername(account.username()).isPresent()) {
      throw new DuplicateAccountException(account.username());
    }
    Account created =
        new Account(
            ids.incrementAndGet(),
            account.username(),
            account.email(),
            account.externalId(),
            account.role(),
            account.managedBy(),
            account.athleteProfileJson(),
            Instant.parse("2023-11-01T00:00:00Z"));
    byId.put(created.id(), created);
    if (account.passwordHash() != null) {
      hashes.put(created.id(), account.passwordHash());
    }
    return created;
  }

  @Override
  public Optional<Account> findById(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Account> findByUsername(String username) {
    return byId.values().stream().filter(a -> a.username().equals(username)).findFirst();
  }

  @Override
  public Optional<String> passwordHash(long accountId) {
    return Optional.ofNullable(hashes.get(accountId));
  }

  @Override
  public synchronized Account createManaged(
      long managerId, String externalId, String athleteProfileJson, Instant from, Instant to) {
    Account created =
        create(
            new NewAccount(
                "MANAGED-" + UUID.randomUUID(),
                null,
                externalId,
                Role.ATHLETE,
                null,
                managerId,
                athleteProfileJson));
    for (PermissionKind kind : PermissionKind.values()) {
      permissions.create(new NewPermission(created.id(), managerId, kind, from, to));
    }
    return created;
  }

  @Override
  public ManagerAccount createManager(NewAccount manager, boolean canManageAthletes) {
    Account created = create(manager);
    if (canManageAthletes) {
      managing.add(created.id());
    }
    return new ManagerAccount(created, canManageAthletes);
  }

  @Override
  public Optional<ManagerAccount> findManager(long id) {
    return findById(id)
        .filter(a -> a.role() == Role.MANAGER)
        .map(a -> new ManagerAccount(a, managing.contains(a.id())));
  }

  @Override
  public List<ManagerAccount> listManagers(long offset, int limit) {
    return byId.values().stream()
        .filter(a -> a.role() == Role.MANAGER)
        .sorted(Comparator.comparingLong(Account::id))
        .skip(offset)
        .limit(limit)
        .map(a -> new ManagerAccount(a, managing.contains(a.id())))
        .toList();
  }

  @Override
  public long countManagers() {
    return byId.values().stream().filter(a -> a.role() == Role.MANAGER).count();
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
    Comparator<Account> byId = Comparator.comparingLong(Account::id);
    return readable(managerId, now, filter)
        .sorted(descending ? byId.reversed() : byId)
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long countReadableAthletes(long managerId, Instant now, AthleteFilter filter) {
    return readable(managerId, now, filter).count();
  }

  @Override
  public List<Account> findAthletesByExternalId(String externalId) {
    return byId.values().stream()
        .filter(a -> a.role() == Role.ATHLETE && externalId.equals(a.externalId()))
        .sorted(Comparator.comparingLong(Account::id))
        .toList();
  }

  @Override
  public synchronized Optional<Account> updateAthlete(
      long id, String username, String email, String externalId, String athleteProfileJson) {
    Account old = byId.get(id);
    if (old == null || old.role() != Role.ATHLETE) {
      return Optional.empty();
    }
    Optional<Account> holder = findByUsername(username);
    if (holder.isPresent() && holder.get().id() != id) {
      throw new DuplicateAccountException(username);
    }
    Account updated =
        new Account(
            id,
            username,
            email,
            externalId,
            old.role(),
            old.managedBy(),
            athleteProfileJson,
            old.createdAt());
    byId.put(id, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized boolean deleteAthlete(long id) {
    Account old = byId.get(id);
    if (old == null || old.role() != Role.ATHLETE) {
      return false;
    }
    delete(id);
    return true;
  }

  @Override
  public boolean setPasswordHash(long id, String passwordHash) {
    if (!byId.containsKey(id)) {
      return false;
    }
    hashes.put(id, passwordHash);
    return true;
  }

  private java.util.stream.Stream<Account> readable(
      long managerId, Instant now, AthleteFilter filter) {
    return byId.values().stream()
        .filter(a -> a.role() == Role.ATHLETE)
        .filter(
            a ->
                permissions.between(a.id(), managerId).stream()
                    .anyMatch(p -> p.kind() == PermissionKind.READ && p.isActiveAt(now)))
        .filter(a -> filter.isManaged() == null || filter.isManaged() == (a.managedBy() != null));
  }

  void delete(long id) {
    byId.remove(id);
    hashes.remove(id);
  }
}

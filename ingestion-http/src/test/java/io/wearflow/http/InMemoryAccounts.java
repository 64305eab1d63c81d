package io.wearflow.http;

import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.http.auth.Accounts;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

  void delete(long id) {
    byId.remove(id);
    hashes.remove(id);
  }
}

package io.wearflow.http;

import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.Permission;
import io.wearflow.http.controlplane.Permissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Permissions in memory, for the edge's functional tests; the PostgreSQL {@code PermissionStore}
 * behind the same port is tested in connectors.
 */
final class InMemoryPermissions implements Permissions {

  private final List<Permission> rows = new ArrayList<>();
  private long ids;

  @Override
  public synchronized Permission create(NewPermission p) {
    Permission created =
        new Permission(
            ++ids,
            p.athleteId(),
            p.managerId(),
            p.kind(),
            p.startTime(),
            p.expirationTime(),
            Instant.parse("2023-11-02T09:00:00Z"));
    rows.add(created);
    return created;
  }

  @Override
  public synchronized Optional<Permission> findById(long id) {
    return rows.stream().filter(p -> p.id() == id).findFirst();
  }

  @Override
  public synchronized List<Permission> list(
      long athleteId, Long managerId, long offset, int limit) {
    return of(athleteId, managerId).stream().skip(offset).limit(limit).toList();
  }

  @Override
  public synchronized long count(long athleteId, Long managerId) {
    return of(athleteId, managerId).size();
  }

  @Override
  public synchronized List<Permission> between(long athleteId, long managerId) {
    return of(athleteId, managerId);
  }

  @Override
  public synchronized boolean delete(long athleteId, long managerId, long permissionId) {
    return rows.removeIf(
        p -> p.id() == permissionId && p.athleteId() == athleteId && p.managerId() == managerId);
  }

  @Override
  public synchronized int deleteAll(long athleteId, long managerId) {
    int before = rows.size();
    rows.removeIf(p -> p.athleteId() == athleteId && p.managerId() == managerId);
    return before - rows.size();
  }

  synchronized List<Permission> all() {
    return List.copyOf(rows);
  }

  private List<Permission> of(long athleteId, Long managerId) {
    return rows.stream()
        .filter(p -> p.athleteId() == athleteId)
        .filter(p -> managerId == null || p.managerId() == managerId)
        .sorted(Comparator.comparingLong(Permission::id))
        .toList();
  }
}

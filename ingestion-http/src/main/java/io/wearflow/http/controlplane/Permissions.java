package io.wearflow.http.controlplane;

import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionStore;
import java.util.List;
import java.util.Optional;

/**
 * The permission operations the edge needs; in production {@link #of(PermissionStore)}. A port so
 * that handler tests run without a database (the store is tested against PostgreSQL in connectors).
 */
public interface Permissions {

  Permission create(NewPermission permission);

  Optional<Permission> findById(long id);

  /** The athlete's permissions (to one manager when {@code managerId} is not null), by id. */
  List<Permission> list(long athleteId, Long managerId, long offset, int limit);

  long count(long athleteId, Long managerId);

  /** Every permission the athlete granted the manager. */
  List<Permission> between(long athleteId, long managerId);

  /** Revokes one permission; false when the athlete granted the manager no such permission. */
  boolean delete(long athleteId, long managerId, long permissionId);

  /** Revokes every permission the athlete granted the manager; how many. */
  int deleteAll(long athleteId, long managerId);

  static Permissions of(PermissionStore store) {
    return new Permissions() {
      @Override
      public Permission create(NewPermission permission) {
        return store.create(permission);
      }

      @Override
      public Optional<Permission> findById(long id) {
        return store.findById(id);
      }

      @Override
      public List<Permission> list(long athleteId, Long managerId, long offset, int limit) {
        return store.list(athleteId, managerId, offset, limit);
      }

      @Override
      public long count(long athleteId, Long managerId) {
        return store.count(athleteId, managerId);
      }

      @Override
      public List<Permission> between(long athleteId, long managerId) {
        return store.between(athleteId, managerId);
      }

      @Override
      public boolean delete(long athleteId, long managerId, long permissionId) {
        return store.delete(athleteId, managerId, permissionId);
      }

      @Override
      public int deleteAll(long athleteId, long managerId) {
        return store.deleteAll(athleteId, managerId);
      }
    };
  }

  /** No permission table: every call fails as an unavailable database (503). */
  static Permissions unavailable() {
    return Unavailable.proxy(Permissions.class, "permissions");
  }
}

package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PermissionStore} against a real PostgreSQL with the project's migrations. */
class PermissionStoreITCase {

  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final Instant T1 = Instant.parse("2024-06-01T00:00:00Z");
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Database database;
  private static AccountStore accounts;
  private static PermissionStore store;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("permissions");
    accounts = new AccountStore(database.dataSource());
    store = new PermissionStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void grantedPermissionReadsBackWithEveryField() {
    long athlete = account(Role.ATHLETE);
    long manager = account(Role.MANAGER);

    Permission read =
        store.create(new NewPermission(athlete, manager, PermissionKind.READ, T0, T1));
    Permission open =
        store.create(new NewPermission(athlete, manager, PermissionKind.SHARE, T0, null));

    assertThat(read.id()).isPositive();
    assertThat(read)
        .extracting(
            Permission::athleteId,
            Permission::managerId,
            Permission::kind,
            Permission::startTime,
            Permission::expirationTime)
        .containsExactly(athlete, manager, PermissionKind.READ, T0, T1);
    assertThat(read.createdAt()).isNotNull();
    assertThat(open.expirationTime()).isNull();
    assertThat(store.findById(read.id())).contains(read);
    assertThat(store.findById(open.id())).contains(open);
    assertThat(store.findById(open.id() + 1000)).isEmpty();
  }

  @Test
  void listsPagePerAthleteAndManagerInGrantOrder() {
    long athlete = account(Role.ATHLETE);
    long other = account(Role.ATHLETE);
    long coach = account(Role.MANAGER);
    long physio = account(Role.MANAGER);
    Permission a = grant(athlete, coach, PermissionKind.READ);
    Permission b = grant(athlete, physio, PermissionKind.READ);
    Permission c = grant(athlete, coach, PermissionKind.WRITE);
    grant(other, coach, PermissionKind.READ);

    assertThat(store.list(athlete, null, 0, 10)).containsExactly(a, b, c);
    assertThat(store.count(athlete, null)).isEqualTo(3);
    assertThat(store.list(athlete, null, 1, 1)).containsExactly(b);
    assertThat(store.list(athlete, coach, 0, 10)).containsExactly(a, c);
    assertThat(store.count(athlete, coach)).isEqualTo(2);
    assertThat(store.between(athlete, physio)).containsExactly(b);
    assertThat(store.between(other, physio)).isEmpty();
  }

  @Test
  void revokingDeletesOnlyTheNamedPermissionsOfThatAthleteToThatManager() {
    long athlete = account(Role.ATHLETE);
    long other = account(Role.ATHLETE);
    long coach = account(Role.MANAGER);
    long physio = account(Role.MANAGER);
    Permission read = grant(athlete, coach, PermissionKind.READ);
    Permission write = grant(athlete, coach, PermissionKind.WRITE);
    Permission physioRead = grant(athlete, physio, PermissionKind.READ);
    Permission otherRead = grant(other, coach, PermissionKind.READ);

    assertThat(store.delete(other, coach, read.id())).isFalse();
    assertThat(store.delete(athlete, physio, read.id())).isFalse();
    assertThat(store.delete(athlete, coach, read.id())).isTrue();
    assertThat(store.delete(athlete, coach, read.id())).isFalse();
    assertThat(store.between(athlete, coach)).containsExactly(write);

    grant(athlete, coach, PermissionKind.SHARE);
    assertThat(store.deleteAll(athlete, coach)).isEqualTo(2);
    assertThat(store.between(athlete, coach)).isEmpty();
    assertThat(store.between(athlete, physio)).containsExactly(physioRead);
    assertThat(store.between(other, coach)).containsExactly(otherRead);
  }

  @Test
  void permissionOfAnUnknownAccountIsRefusedByTheDatabase() {
    long athlete = account(Role.ATHLETE);

    assertThatThrownBy(
            () -> store.create(new NewPermission(athlete, 999_999, PermissionKind.READ, T0, null)))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void windowContainsItsStartButNotItsExpiration() {
    Permission permission = new Permission(1, 2, 3, PermissionKind.READ, T0, T1, T0);

    assertThat(permission.isActiveAt(T0.minusMillis(1))).isFalse();
    assertThat(permission.isActiveAt(T0)).isTrue();
    assertThat(permission.isActiveAt(T1.minusMillis(1))).isTrue();
    assertThat(permission.isActiveAt(T1)).isFalse();
  }

  private static Permission grant(long athlete, long manager, PermissionKind kind) {
    return store.create(new NewPermission(athlete, manager, kind, T0, T1));
  }

  private static long account(Role role) {
    String name = role.dbValue() + "-" + NAMES.incrementAndGet();
    return accounts
        .create(new NewAccount(name, name + "@example.com", null, role, null, null, null))
        .id();
  }
}

package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Athletes and managers in {@link AccountStore}, against a real PostgreSQL. */
class AthleteAccountsITCase {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Instant EPOCH = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2199-12-31T00:00:00Z");
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Database database;
  private static AccountStore accounts;
  private static PermissionStore permissions;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("athletes");
    accounts = new AccountStore(database.dataSource());
    permissions = new PermissionStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void managedAthleteComesWithReadWriteAndSharePermissionsForItsManager() {
    long manager = manager(true);

    Account athlete =
        accounts.createManaged(manager, "ext-1", "{\"first_name\": \"Usain\"}", EPOCH, END);

    assertThat(athlete.username()).matches("MANAGED-[0-9a-f-]{36}");
    assertThat(athlete.email()).isNull();
    assertThat(athlete.managedBy()).isEqualTo(manager);
    assertThat(athlete.role()).isEqualTo(Role.ATHLETE);
    assertThat(athlete.externalId()).isEqualTo("ext-1");
    assertThat(accounts.passwordHash(athlete.id())).isEmpty();
    assertThat(permissions.between(athlete.id(), manager))
        .extracting(Permission::kind, Permission::startTime, Permission::expirationTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PermissionKind.READ, EPOCH, END),
            org.assertj.core.groups.Tuple.tuple(PermissionKind.WRITE, EPOCH, END),
            org.assertj.core.groups.Tuple.tuple(PermissionKind.SHARE, EPOCH, END));
  }

  @Test
  void managedAthleteIsNotCreatedWhenItsPermissionsCannotBe() {
    long manager = manager(true);
    long before = accountCount();

    // An empty window breaks the permissions' CHECK after the account row was inserted.
    assertThatThrownBy(() -> accounts.createManaged(manager, "ext-2", null, END, END))
        .isInstanceOf(StoreException.class);

    assertThat(accountCount()).isEqualTo(before);
    assertThat(accounts.findAthletesByExternalId("ext-2")).isEmpty();
  }

  @Test
  void managerListsOnlyAthletesWithAReadPermissionCurrentlyInForce() {
    long coach = manager(false);
    long current = athlete("Ana", "Zed", "1990-01-01");
    long expired = athlete("Bo", "Young", "1991-01-01");
    long future = athlete("Cy", "Xu", "1992-01-01");
    long writeOnly = athlete("Di", "Wu", "1993-01-01");
    long openEnded = athlete("Ed", "Vo", "1994-01-01");
    grant(current, coach, PermissionKind.READ, NOW.minusSeconds(60), NOW.plusSeconds(1));
    grant(expired, coach, PermissionKind.READ, NOW.minusSeconds(60), NOW);
    grant(future, coach, PermissionKind.READ, NOW.plusSeconds(1), null);
    grant(writeOnly, coach, PermissionKind.WRITE, NOW.minusSeconds(60), null);
    grant(openEnded, coach, PermissionKind.READ, NOW, null);

    List<Account> listed =
        accounts.listReadableAthletes(
            coach, NOW, AthleteFilter.NONE, AthleteOrder.ID, false, 0, 10);

    assertThat(listed).extracting(Account::id).containsExactly(current, openEnded);
    assertThat(accounts.countReadableAthletes(coach, NOW, AthleteFilter.NONE)).isEqualTo(2);
    assertThat(
            accounts.listReadableAthletes(
                coach, NOW, AthleteFilter.NONE, AthleteOrder.LAST_NAME, false, 0, 10))
        .extracting(Account::id)
        .containsExactly(openEnded, current);
    assertThat(
            accounts.listReadableAthletes(
                coach, NOW, AthleteFilter.NONE, AthleteOrder.BIRTHDATE, true, 1, 10))
        .extracting(Account::id)
        .containsExactly(current);
  }

  @Test
  void filtersNarrowTheListCaseInsensitively() {
    long coach = manager(true);
    long ana = athlete("Ana", "Zed", "1990-06-01");
    long bo = athlete("Bo", "Anand", "1996-02-01");
    long managed = accounts.createManaged(coach, "X-77", "{\"last_name\": \"Q\"}", EPOCH, END).id();
    grant(ana, coach, PermissionKind.READ, EPOCH, null);
    grant(bo, coach, PermissionKind.READ, EPOCH, null);

    assertThat(ids(coach, filter("anD", null, null, null, null, null))).containsExactly(bo);
    assertThat(ids(coach, filter(null, "zE", null, null, null, null))).containsExactly(ana);
    assertThat(ids(coach, filter(null, null, true, null, null, null))).containsExactly(managed);
    assertThat(ids(coach, filter(null, null, false, null, null, null))).containsExactly(ana, bo);
    assertThat(ids(coach, filter(null, null, null, LocalDate.parse("1996-01-01"), null, null)))
        .containsExactly(bo);
    assertThat(ids(coach, filter(null, null, null, null, LocalDate.parse("1990-06-01"), null)))
        .containsExactly(ana);
    assertThat(ids(coach, filter(null, null, null, null, null, "x-7"))).containsExactly(managed);
    // LIKE wildcards are literal.
    assertThat(ids(coach, filter("%", null, null, null, null, null))).isEmpty();
  }

  @Test
  void athleteUpdateDeleteAndPasswordChange() {
    long ana = athlete("Ana", "Zed", "1990-06-01");
    String taken = accounts.findById(athlete("Bo", "Y", "1990-01-01")).orElseThrow().username();

    Account updated =
        accounts
            .updateAthlete(ana, "ana-new", "ana@new.example", "e9", "{\"gender\": \"F\"}")
            .orElseThrow();
    assertThat(updated.username()).isEqualTo("ana-new");
    assertThat(updated.email()).isEqualTo("ana@new.example");
    assertThat(updated.externalId()).isEqualTo("e9");
    assertThat(updated.athleteProfileJson()).isEqualTo("{\"gender\": \"F\"}");
    assertThatThrownBy(() -> accounts.updateAthlete(ana, taken, null, null, null))
        .isInstanceOf(DuplicateAccountException.class);

    assertThat(accounts.setPasswordHash(ana, "$2b$04$hash")).isTrue();
    assertThat(accounts.passwordHash(ana)).contains("$2b$04$hash");

    assertThat(accounts.deleteAthlete(manager(false))).isFalse();
    assertThat(accounts.deleteAthlete(ana)).isTrue();
    assertThat(accounts.findById(ana)).isEmpty();
    assertThat(accounts.deleteAthlete(ana)).isFalse();
  }

  @Test
  void managersCarryTheirRightToManageAthletes() {
    long before = accounts.countManagers();
    long can = manager(true);
    long cannot = manager(false);

    assertThat(accounts.findManager(can).orElseThrow().canManageAthletes()).isTrue();
    assertThat(accounts.findManager(cannot).orElseThrow().canManageAthletes()).isFalse();
    assertThat(accounts.findManager(athlete("A", "B", "1990-01-01"))).isEmpty();
    assertThat(accounts.countManagers()).isEqualTo(before + 2);
    assertThat(accounts.listManagers(before, 10))
        .extracting(m -> m.account().id())
        .containsExactly(can, cannot);
  }

  private static AthleteFilter filter(
      String search,
      String lastName,
      Boolean isManaged,
      LocalDate birthdateFrom,
      LocalDate birthdateTo,
      String externalId) {
    return new AthleteFilter(
        search,
        null,
        null,
        externalId,
        null,
        lastName,
        null,
        null,
        isManaged,
        birthdateFrom,
        birthdateTo);
  }

  private static List<Long> ids(long manager, AthleteFilter filter) {
    return accounts
        .listReadableAthletes(manager, NOW, filter, AthleteOrder.ID, false, 0, 100)
        .stream()
        .map(Account::id)
        .toList();
  }

  private static long manager(boolean canManage) {
    String name = "manager-" + NAMES.incrementAndGet();
    return accounts
        .createManager(
            new NewAccount(name, name + "@example.com", null, Role.MANAGER, "hash", null, null),
            canManage)
        .account()
        .id();
  }

  private static long athlete(String first, String last, String birthDate) {
    String name = "athlete-" + NAMES.incrementAndGet();
    String profile =
        "{\"first_name\": \"%s\", \"last_name\": \"%s\", \"birth_date\": \"%s\"}"
            .formatted(first, last, birthDate);
    return accounts
        .create(new NewAccount(name, name + "@example.com", null, Role.ATHLETE, "h", null, profile))
        .id();
  }

  private static void grant(
      long athlete, long manager, PermissionKind kind, Instant from, Instant to) {
    permissions.create(new NewPermission(athlete, manager, kind, from, to));
  }

  private static long accountCount() {
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM accounts")) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

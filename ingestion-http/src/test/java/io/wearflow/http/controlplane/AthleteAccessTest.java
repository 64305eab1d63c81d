package io.wearflow.http.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.problem.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link AthleteAccess}: the policy fed with the caller's permissions from the port. */
class AthleteAccessTest {

  private static final Instant KICK_OFF = Instant.parse("2024-05-04T13:00:00Z");
  private static final Instant HALF_TIME = Instant.parse("2024-05-04T13:45:00Z");

  private final List<Permission> stored = new ArrayList<>();
  private final List<String> lookups = new ArrayList<>();
  private final AthleteAccess access = new AthleteAccess(new PermissionPolicy(), port());

  @Test
  void managerWhoseReadEndsBeforeTheHalfEndsIsRefused403() {
    stored.add(permission(KICK_OFF, HALF_TIME.minusSeconds(60)));
    Principal coach = new Principal(20, "coach", "manager");

    assertThatThrownBy(() -> access.require(coach, PermissionKind.READ, 10, KICK_OFF, HALF_TIME))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage())
                  .isEqualTo("You do not have permission to perform this action.");
            });
    assertThat(lookups).containsExactly("10->20");
  }

  @Test
  void managerWithACoveringReadPasses() {
    stored.add(permission(KICK_OFF, HALF_TIME.plusSeconds(1)));
    Principal coach = new Principal(20, "coach", "manager");

    assertThatCode(() -> access.require(coach, PermissionKind.READ, 10, KICK_OFF, HALF_TIME))
        .doesNotThrowAnyException();
    assertThatCode(() -> access.requireNow(coach, PermissionKind.READ, 10, KICK_OFF))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> access.requireNow(coach, PermissionKind.READ, 10, HALF_TIME.plusSeconds(1)))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void athletesAreDecidedWithoutReadingPermissions() {
    assertThatCode(
            () ->
                access.require(
                    new Principal(10, "ana", "athlete"),
                    PermissionKind.WRITE,
                    10,
                    KICK_OFF,
                    HALF_TIME))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                access.require(
                    new Principal(11, "bo", "athlete"),
                    PermissionKind.READ,
                    10,
                    KICK_OFF,
                    HALF_TIME))
        .isInstanceOf(ApiException.class);
    assertThat(lookups).isEmpty();
  }

  private static Permission permission(Instant start, Instant expiration) {
    return new Permission(1, 10, 20, PermissionKind.READ, start, expiration, start);
  }

  private Permissions port() {
    return new Permissions() {
      @Override
      public List<Permission> between(long athleteId, long managerId) {
        lookups.add(athleteId + "->" + managerId);
        return stored.stream()
            .filter(p -> p.athleteId() == athleteId && p.managerId() == managerId)
            .toList();
      }

      @Override
      public Permission create(NewPermission permission) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Permission> findById(long id) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Permission> list(long athleteId, Long managerId, long offset, int limit) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long count(long athleteId, Long managerId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean delete(long athleteId, long managerId, long permissionId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int deleteAll(long athleteId, long managerId) {
        throw new UnsupportedOperationException();
      }
    };
  }
}

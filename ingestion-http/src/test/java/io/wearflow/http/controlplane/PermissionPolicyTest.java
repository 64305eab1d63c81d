package io.wearflow.http.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.http.auth.Principal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PermissionPolicy} as a table: who, what, whose data over which range, granted what. */
class PermissionPolicyTest {

  private static final long ATHLETE = 10;
  private static final long OTHER_ATHLETE = 11;
  private static final long MANAGER = 20;
  private static final long OTHER_MANAGER = 21;
  private static final long ADMIN = 1;

  // The data: a first half, 13:00 to 13:45.
  private static final Instant FROM = Instant.parse("2024-05-04T13:00:00Z");
  private static final Instant TO = Instant.parse("2024-05-04T13:45:00Z");

  private static final Principal ATHLETE_ITSELF = new Principal(ATHLETE, "ana", "athlete");
  private static final Principal ANOTHER_ATHLETE = new Principal(OTHER_ATHLETE, "bo", "athlete");
  private static final Principal COACH = new Principal(MANAGER, "coach", "manager");
  private static final Principal OPERATOR = new Principal(ADMIN, "admin", "admin");

  private final PermissionPolicy policy = new PermissionPolicy();

  static Stream<Arguments> table() {
    return Stream.of(
        row("athlete reads own data", ATHLETE_ITSELF, PermissionKind.READ, List.of(), true),
        row("athlete writes own data", ATHLETE_ITSELF, PermissionKind.WRITE, List.of(), true),
        row("athlete reads another's data", ANOTHER_ATHLETE, PermissionKind.READ, List.of(), false),
        row(
            "athlete holding a manager's permission is still not that manager",
            ANOTHER_ATHLETE,
            PermissionKind.READ,
            List.of(permission(OTHER_ATHLETE, PermissionKind.READ, "12:00", null)),
            false),
        row("manager without permission", COACH, PermissionKind.READ, List.of(), false),
        row(
            "manager whose READ ends before the data's end",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.READ, "12:00", "13:30")),
            false),
        row(
            "manager whose READ ends exactly at the data's end (window is half-open)",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.READ, "12:00", "13:45")),
            false),
        row(
            "manager with a covering READ",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.READ, "12:00", "13:45:00.001")),
            true),
        row(
            "manager with a READ starting exactly at the data's start, never expiring",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.READ, "13:00", null)),
            true),
        row(
            "manager with an expired READ",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.READ, "10:00", "12:00")),
            false),
        row(
            "manager with a READ not yet started at the data's start",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.READ, "13:00:00.001", null)),
            false),
        row(
            "two windows that only together cover the data do not add up",
            COACH,
            PermissionKind.READ,
            List.of(
                permission(MANAGER, PermissionKind.READ, "12:00", "13:20"),
                permission(MANAGER, PermissionKind.READ, "13:20", "14:00")),
            false),
        row(
            "one of several permissions covers",
            COACH,
            PermissionKind.READ,
            List.of(
                permission(MANAGER, PermissionKind.READ, "10:00", "12:00"),
                permission(MANAGER, PermissionKind.READ, "12:30", "14:00")),
            true),
        row(
            "WRITE does not grant READ",
            COACH,
            PermissionKind.READ,
            List.of(permission(MANAGER, PermissionKind.WRITE, "12:00", null)),
            false),
        row(
            "READ does not grant WRITE",
            COACH,
            PermissionKind.WRITE,
            List.of(permission(MANAGER, PermissionKind.READ, "12:00", null)),
            false),
        row(
            "manager with a covering WRITE writes",
            COACH,
            PermissionKind.WRITE,
            List.of(permission(MANAGER, PermissionKind.WRITE, "12:00", null)),
            true),
        row(
            "manager with a covering SHARE shares",
            COACH,
            PermissionKind.SHARE,
            List.of(permission(MANAGER, PermissionKind.SHARE, "12:00", null)),
            true),
        row(
            "another manager's permission",
            COACH,
            PermissionKind.READ,
            List.of(permission(OTHER_MANAGER, PermissionKind.READ, "12:00", null)),
            false),
        row(
            "a permission on another athlete",
            COACH,
            PermissionKind.READ,
            List.of(
                new Permission(
                    7,
                    OTHER_ATHLETE,
                    MANAGER,
                    PermissionKind.READ,
                    at("12:00"),
                    null,
                    at("12:00"))),
            false),
        row(
            "admin has no access to athletes' data",
            OPERATOR,
            PermissionKind.READ,
            List.of(permission(ADMIN, PermissionKind.READ, "12:00", null)),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(
      String situation,
      Principal who,
      PermissionKind kind,
      List<Permission> granted,
      boolean allowed) {
    assertThat(policy.allows(who, kind, ATHLETE, FROM, TO, granted)).isEqualTo(allowed);
  }

  @Test
  void currentlyIsThePointRangeOfNow() {
    List<Permission> granted = List.of(permission(MANAGER, PermissionKind.READ, "13:00", "14:00"));

    assertThat(
            policy.allows(COACH, PermissionKind.READ, ATHLETE, at("13:00"), at("13:00"), granted))
        .isTrue();
    assertThat(
            policy.allows(COACH, PermissionKind.READ, ATHLETE, at("14:00"), at("14:00"), granted))
        .isFalse();
  }

  @Test
  void onlyTheAthleteManagesPermissions() {
    assertThat(policy.mayManagePermissions(ATHLETE_ITSELF, ATHLETE)).isTrue();
    assertThat(policy.mayManagePermissions(ANOTHER_ATHLETE, ATHLETE)).isFalse();
    assertThat(policy.mayManagePermissions(new Principal(ATHLETE, "x", "manager"), ATHLETE))
        .isFalse();
    assertThat(policy.mayManagePermissions(OPERATOR, ATHLETE)).isFalse();
  }

  @Test
  void onlyManagersReadJsonSchemas() {
    assertThat(policy.mayReadJsonSchemas(COACH)).isTrue();
    assertThat(policy.mayReadJsonSchemas(ATHLETE_ITSELF)).isFalse();
    assertThat(policy.mayReadJsonSchemas(OPERATOR)).isFalse();
  }

  private static Arguments row(
      String situation,
      Principal who,
      PermissionKind kind,
      List<Permission> granted,
      boolean allowed) {
    return arguments(situation, who, kind, granted, allowed);
  }

  private static Permission permission(
      long manager, PermissionKind kind, String start, String expiration) {
    return new Permission(
        1,
        ATHLETE,
        manager,
        kind,
        at(start),
        expiration == null ? null : at(expiration),
        at("09:00"));
  }

  private static Instant at(String time) {
    return Instant.parse("2024-05-04T" + (time.length() == 5 ? time + ":00" : time) + "Z");
  }
}

package io.wearflow.http.athletes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.ManagerAccount;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.AthleteAccess;
import io.wearflow.http.controlplane.Page;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Athletes as managers and athletes see them (token required; registration is {@link
 * AthleteHandlers}).
 *
 * <pre>
 * GET    /v1/athletes/                        managers: athletes with a READ permission now, paged
 * POST   /v1/athletes/managed/                managers who may manage athletes: 201 athlete
 * GET    /v1/athletes/by-external-id/?external-id=  the athlete himself, managers with READ now
 * GET    /v1/athletes/{athlete}/              the athlete himself, managers with READ now
 * PUT    /v1/athletes/{athlete}/              the athlete himself; a managed athlete's manager
 * DELETE /v1/athletes/{athlete}/              the athlete himself; a managed athlete's manager
 * PUT    /v1/athletes/{athlete}/password/     the athlete himself: 204
 * </pre>
 *
 * Refusals are 403 with the reference's detail; a manager is refused (403) for an athlete id that
 * does not exist as for one he may not see, so ids reveal nothing.
 */
public final class AthleteAccountHandlers {

  public static final String LIST_PATH = "/v1/athletes/";
  public static final String MANAGED_PATH = "/v1/athletes/managed/";
  public static final String BY_EXTERNAL_ID_PATH = "/v1/athletes/by-external-id/";
  public static final String ITEM_PATH = "/v1/athletes/{athlete}/";
  public static final String PASSWORD_PATH = "/v1/athletes/{athlete}/password/";

  static final String FORBIDDEN = "You do not have permission to perform this action.";

  /** The window of a managed athlete's permissions for its manager (the reference's). */
  static final Instant MANAGED_FROM = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant MANAGED_TO = Instant.parse("2199-12-31T00:00:00Z");

  private final JsonRequestReader reader;
  private final AthleteRegistrationValidator validator;
  private final Accounts accounts;
  private final AthleteAccess access;
  private final PasswordHasher passwords;
  private final AthleteJson json;
  private final Clock clock;

  public AthleteAccountHandlers(
      JsonRequestReader reader,
      AthleteRegistrationValidator validator,
      Accounts accounts,
      AthleteAccess access,
      PasswordHasher passwords,
      ObjectMapper mapper,
      Clock clock) {
    this.reader = reader;
    this.validator = validator;
    this.accounts = accounts;
    this.access = access;
    this.passwords = passwords;
    this.json = new AthleteJson(mapper);
    this.clock = clock;
  }

  public void list(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    if (role(who) != Role.MANAGER) {
      throw ApiException.forbidden(FORBIDDEN);
    }
    AthleteListQuery query = AthleteListQuery.parse(firstValues(ctx));
    Instant now = clock.instant();
    long count = accounts.countReadableAthletes(who.accountId(), now, query.filter());
    List<AthleteView> results =
        accounts
            .listReadableAthletes(
                who.accountId(),
                now,
                query.filter(),
                query.order(),
                query.page().descending(),
                query.page().offset(),
                query.page().limit())
            .stream()
            .map(json::view)
            .toList();
    ctx.json(Page.of(query.page(), count, results));
  }

  public void createManaged(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    requireManagingManager(who);
    ManagedAthleteRequest request = validator.validateManaged(reader.read(ctx), who.accountId());
    Account created =
        accounts.createManaged(
            who.accountId(),
            request.externalId(),
            json.profileJson(request.profile()),
            MANAGED_FROM,
            MANAGED_TO);
    ctx.status(HttpStatus.CREATED).json(json.view(created));
  }

  public void byExternalId(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    String externalId = ctx.queryParam("external-id");
    if (externalId == null || externalId.isEmpty()) {
      throw ValidationException.of("/external-id", "is required");
    }
    List<Account> candidates = accounts.findAthletesByExternalId(externalId);
    Instant now = clock.instant();
    for (Account candidate : candidates) {
      if (mayRead(who, candidate.id(), now)) {
        ctx.json(json.view(candidate));
        return;
      }
    }
    if (candidates.isEmpty()) {
      throw ApiException.notFound("No athlete with this external id.");
    }
    throw ApiException.forbidden(FORBIDDEN);
  }

  public void get(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    long athlete = athleteId(ctx);
    access.requireNow(who, PermissionKind.READ, athlete, clock.instant());
    ctx.json(json.view(athlete(athlete)));
  }

  public void update(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    Account athlete = requireOwnerOrManager(who, athleteId(ctx));
    Optional<Account> updated;
    if (athlete.id() == who.accountId()) {
      AthleteUpdate update = validator.validateUpdate(reader.read(ctx));
      try {
        updated =
            accounts.updateAthlete(
                athlete.id(),
                update.username(),
                update.email(),
                update.externalId(),
                json.profileJson(update.profile()));
      } catch (DuplicateAccountException e) {
        throw ApiException.conflict(
            "An account with this username exists already.",
            new FieldError("/username", "is already taken"));
      }
    } else {
      ManagedAthleteRequest update = validator.validateManaged(reader.read(ctx), who.accountId());
      updated =
          accounts.updateAthlete(
              athlete.id(),
              athlete.username(),
              athlete.email(),
              update.externalId(),
              json.profileJson(update.profile()));
    }
    ctx.json(json.view(updated.orElseThrow(() -> notFound(athlete.id()))));
  }

  public void delete(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    Account athlete = requireOwnerOrManager(who, athleteId(ctx));
    if (!accounts.deleteAthlete(athlete.id())) {
      throw notFound(athlete.id());
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** PUT: replaces the password (bcrypt hash only; the password is neither logged nor echoed). */
  public void changePassword(Context ctx) {
    Principal who = BearerAuthenticator.principal(ctx);
    long athlete = athleteId(ctx);
    if (role(who) != Role.ATHLETE || who.accountId() != athlete) {
      throw ApiException.forbidden(FORBIDDEN);
    }
    String password = validator.validatePassword(reader.read(ctx));
    if (!accounts.setPasswordHash(athlete, passwords.hash(password))) {
      throw notFound(athlete);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private boolean mayRead(Principal who, long athlete, Instant now) {
    try {
      access.requireNow(who, PermissionKind.READ, athlete, now);
      return true;
    } catch (ApiException refused) {
      return false;
    }
  }

  /**
   * The athlete himself, or the manager of a managed athlete who may manage athletes; anyone else
   * (and a manager naming an unknown athlete) 403.
   */
  private Account requireOwnerOrManager(Principal who, long athleteId) {
    Role role = role(who);
    if (role == Role.ATHLETE && who.accountId() == athleteId) {
      return athlete(athleteId);
    }
    if (role == Role.MANAGER) {
      Optional<Account> athlete =
          accounts
              .findById(athleteId)
              .filter(a -> a.role() == Role.ATHLETE)
              .filter(a -> a.managedBy() != null && a.managedBy() == who.accountId());
      if (athlete.isPresent()) {
        requireManagingManager(who);
        return athlete.get();
      }
    }
    throw ApiException.forbidden(FORBIDDEN);
  }

  private void requireManagingManager(Principal who) {
    boolean may =
        role(who) == Role.MANAGER
            && accounts
                .findManager(who.accountId())
                .map(ManagerAccount::canManageAthletes)
                .orElse(false);
    if (!may) {
      throw ApiException.forbidden(FORBIDDEN);
    }
  }

  private Account athlete(long id) {
    return accounts
        .findById(id)
        .filter(a -> a.role() == Role.ATHLETE)
        .orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("No athlete with id " + id + ".");
  }

  private static Role role(Principal who) {
    return Role.fromDbValue(who.role());
  }

  static long athleteId(Context ctx) {
    String value = ctx.pathParam("athlete");
    if (value.matches("[0-9]{1,18}") && Long.parseLong(value) > 0) {
      return Long.parseLong(value);
    }
    throw ApiException.notFound("No athlete with id '" + value + "'.");
  }

  static Map<String, String> firstValues(Context ctx) {
    Map<String, String> first = new HashMap<>();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                first.put(name, values.get(0));
              }
            });
    return first;
  }
}

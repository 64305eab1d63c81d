package io.wearflow.http.athletes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.ManagerAccount;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.controlplane.ListQuery;
import io.wearflow.http.controlplane.Page;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldError;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.util.List;
import java.util.Set;

/**
 * Manager accounts. The reference has no manager creation (its support team creates managers);
 * wearflow lets the admin account do it.
 *
 * <pre>
 * POST /v1/managers/     admin   201 ManagerView; body {username, email, password,
 *                                can_manage_athletes (optional boolean, default false)}
 * GET  /v1/managers/     admin   200 Page of ManagerView (by id; page, limit)
 * GET  /v1/managers/me/  manager 200 ManagerView of the caller
 * </pre>
 */
public final class ManagerHandlers {

  public static final String LIST_PATH = "/v1/managers/";
  public static final String ME_PATH = "/v1/managers/me/";

  private final JsonRequestReader reader;
  private final AthleteRegistrationValidator validator;
  private final Accounts accounts;
  private final PasswordHasher passwords;

  public ManagerHandlers(
      JsonRequestReader reader,
      AthleteRegistrationValidator validator,
      Accounts accounts,
      PasswordHasher passwords) {
    this.reader = reader;
    this.validator = validator;
    this.accounts = accounts;
    this.passwords = passwords;
  }

  public void create(Context ctx) {
    requireRole(ctx, Role.ADMIN);
    JsonNode body = reader.read(ctx);
    // Username, e-mail and password follow the athletes' rules; the profile is not a manager's.
    FieldErrors errors = new FieldErrors();
    AthleteRegistration account = null;
    try {
      account = validator.validate(body);
    } catch (ValidationException invalid) {
      if (body == null || !body.isObject()) {
        throw invalid;
      }
      invalid.errors().forEach(e -> errors.add(e.pointer(), e.reason()));
    }
    boolean canManage = false;
    if (JsonFields.isSent(body, "can_manage_athletes")) {
      JsonNode value = body.get("can_manage_athletes");
      if (value.isBoolean()) {
        canManage = value.booleanValue();
      } else {
        errors.add("/can_manage_athletes", "must be a boolean");
      }
    }
    errors.throwIfAny();
    ManagerAccount created;
    try {
      created =
          accounts.createManager(
              new NewAccount(
                  account.username(),
                  account.email(),
                  account.externalId(),
                  Role.MANAGER,
                  passwords.hash(account.password()),
                  null,
                  null),
              canManage);
    } catch (DuplicateAccountException e) {
      throw ApiException.conflict(
          "An account with this username exists already.",
          new FieldError("/username", "is already taken"));
    }
    ctx.status(HttpStatus.CREATED).json(ManagerView.of(created));
  }

  public void list(Context ctx) {
    requireRole(ctx, Role.ADMIN);
    FieldErrors errors = new FieldErrors();
    ListQuery query = ListQuery.parse(AthleteAccountHandlers.firstValues(ctx), Set.of(), errors);
    errors.throwIfAny();
    List<ManagerView> results =
        accounts.listManagers(query.offset(), query.limit()).stream().map(ManagerView::of).toList();
    ctx.json(Page.of(query, accounts.countManagers(), results));
  }

  public void me(Context ctx) {
    Principal who = requireRole(ctx, Role.MANAGER);
    ManagerAccount me =
        accounts
            .findManager(who.accountId())
            .orElseThrow(() -> ApiException.forbidden(AthleteAccountHandlers.FORBIDDEN));
    ctx.json(ManagerView.of(me));
  }

  private static Principal requireRole(Context ctx, Role role) {
    Principal who = BearerAuthenticator.principal(ctx);
    if (Role.fromDbValue(who.role()) != role) {
      throw ApiException.forbidden(AthleteAccountHandlers.FORBIDDEN);
    }
    return who;
  }
}

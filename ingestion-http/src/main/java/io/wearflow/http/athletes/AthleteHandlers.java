package io.wearflow.http.athletes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DuplicateAccountException;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.PasswordHasher;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldError;

/**
 * {@code POST /v1/athletes/}: anyone may register as an athlete (no token). Answers 201 with the
 * {@link AthleteView}; 409 when the username is taken. The password is stored only as a bcrypt hash
 * and never returned. (The reference also e-mails the credentials; wearflow sends no mail.)
 */
public final class AthleteHandlers {

  private final JsonRequestReader reader;
  private final AthleteRegistrationValidator validator;
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final AthleteJson json;

  public AthleteHandlers(
      JsonRequestReader reader,
      AthleteRegistrationValidator validator,
      Accounts accounts,
      PasswordHasher passwords,
      ObjectMapper mapper) {
    this.reader = reader;
    this.validator = validator;
    this.accounts = accounts;
    this.passwords = passwords;
    this.json = new AthleteJson(mapper);
  }

  public void register(Context ctx) {
    AthleteRegistration registration = validator.validate(reader.read(ctx));
    NewAccount account =
        new NewAccount(
            registration.username(),
            registration.email(),
            registration.externalId(),
            Role.ATHLETE,
            passwords.hash(registration.password()),
            null,
            json.profileJson(registration.profile()));
    Account created;
    try {
      created = accounts.create(account);
    } catch (DuplicateAccountException e) {
      throw ApiException.conflict(
          "An account with this username exists already.",
          new FieldError("/username", "is already taken"));
    }
    ctx.status(HttpStatus.CREATED).json(view(created));
  }

  /** The API view of a stored athlete account. */
  AthleteView view(Account account) {
    return json.view(account);
  }
}

package io.wearflow.http.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/token}: exchanges {@code {"username", "password"}} for a bearer token,
 * answered {@code 200 {"access_token": "<jwt>", "token_type": "bearer", "expires_in": <seconds>}}
 * with {@code Cache-Control: no-store}. An unknown username and a wrong password get the same 401
 * in the same time, so the endpoint does not tell which usernames exist.
 */
public final class TokenHandler {

  private final JsonRequestReader reader;
  private final Accounts accounts;
  private final PasswordHasher passwords;
  private final TokenService tokens;

  public TokenHandler(
      JsonRequestReader reader, Accounts accounts, PasswordHasher passwords, TokenService tokens) {
    this.reader = reader;
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
  }

  /** The response body of a successful token request. */
  public record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}

  public void issue(Context ctx) {
    JsonNode body = reader.read(ctx);
    if (!body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    FieldErrors errors = new FieldErrors();
    String username = JsonFields.string(body, "username", "/username", true, errors);
    String password = JsonFields.string(body, "password", "/password", true, errors);
    errors.throwIfAny();

    Optional<Account> account = accounts.findByUsername(username);
    Optional<String> hash = account.flatMap(a -> accounts.passwordHash(a.id()));
    // Always run bcrypt (against a decoy for unknown users) so both failures take as long.
    boolean verified = passwords.matches(password, hash);
    if (account.isEmpty() || !verified) {
      throw ApiException.unauthorized("Wrong username or password.", "Bearer");
    }
    Account known = account.get();
    IssuedToken token =
        tokens.issue(new Principal(known.id(), known.username(), known.role().dbValue()));
    ctx.header("Cache-Control", "no-store");
    ctx.json(new TokenResponse(token.accessToken(), "bearer", token.expiresInSeconds()));
  }
}

package io.wearflow.http.auth;

import io.javalin.http.Context;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.http.problem.ApiException;
import java.util.regex.Pattern;

/**
 * Establishes the {@link Principal} of requests to protected routes from {@code Authorization:
 * Bearer <jwt>}. A missing, malformed, badly signed or expired token, or one whose account no
 * longer exists, is answered 401 with a {@code WWW-Authenticate: Bearer} challenge ({@code
 * error="invalid_token"} when a token was sent, RFC 6750). The principal's username and role are
 * read from the account, so a changed role applies without a new token: at once when the change was
 * made through this edge instance, within {@link AccountCache#TTL} when made through another.
 */
public final class BearerAuthenticator {

  private static final String PRINCIPAL = "wearflow.principal";
  private static final String CHALLENGE = "Bearer";
  private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final TokenService tokens;
  private final AccountCache accounts;

  public BearerAuthenticator(TokenService tokens, AccountCache accounts) {
    this.tokens = tokens;
    this.accounts = accounts;
  }

  /** Before-matched handler: authenticates unless the matched route is {@link Access#PUBLIC}. */
  public void authenticate(Context ctx) {
    if (ctx.routeRoles().contains(Access.PUBLIC)) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiException.unauthorized("A bearer token is required.", CHALLENGE);
    }
    String[] parts = WHITESPACE.split(header.trim(), 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw ApiException.unauthorized(
          "The Authorization header must read 'Bearer <token>'.", INVALID_TOKEN_CHALLENGE);
    }
    Principal claimed;
    try {
      claimed = tokens.verify(parts[1]);
    } catch (InvalidTokenException e) {
      throw ApiException.unauthorized(
          "The bearer token is invalid: " + e.getMessage() + ".", INVALID_TOKEN_CHALLENGE);
    }
    Account account =
        accounts
            .findById(claimed.accountId())
            .orElseThrow(
                () ->
                    ApiException.unauthorized(
                        "The account of the bearer token no longer exists.",
                        INVALID_TOKEN_CHALLENGE));
    ctx.attribute(
        PRINCIPAL, new Principal(account.id(), account.username(), account.role().dbValue()));
  }

  /** The principal of an authenticated request. */
  public static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException(
          "no principal: route " + ctx.endpointHandlerPath() + " is not authenticated");
    }
    return principal;
  }
}

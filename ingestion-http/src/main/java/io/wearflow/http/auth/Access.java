package io.wearflow.http.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares one; a route declaring neither is treated as {@link
 * #AUTHENTICATED}, so forgetting it never opens data.
 */
public enum Access implements RouteRole {
  /** Anyone, no token (health, registration, token issue). */
  PUBLIC,
  /** A valid bearer token of an existing account. */
  AUTHENTICATED
}

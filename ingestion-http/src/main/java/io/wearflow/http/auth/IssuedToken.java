package io.wearflow.http.auth;

/**
 * A signed access token and its lifetime.
 *
 * @param accessToken the compact JWT
 * @param expiresInSeconds seconds from issue until the token expires
 */
public record IssuedToken(String accessToken, long expiresInSeconds) {}

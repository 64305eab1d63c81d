/**
 * Accounts, bcrypt password hashes, HS256 bearer tokens and the token endpoint, with the
 * short-lived in-process caches that keep per-request authentication off the database ({@link
 * io.wearflow.http.auth.ExpiringCache}).
 */
package io.wearflow.http.auth;

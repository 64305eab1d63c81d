/** Accounts, bcrypt password hashes, HS256 bearer tokens and the token endpoint. */
package io.wearflow.http.auth;

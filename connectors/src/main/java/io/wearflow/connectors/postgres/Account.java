package io.wearflow.connectors.postgres;

import java.time.Instant;

/**
 * A stored account, without its password hash (read that with {@link
 * AccountStore#passwordHash(long)} only where a password is checked).
 *
 * @param athleteProfileJson the athlete profile as a JSON object text, or null
 */
public record Account(
    long id,
    String username,
    String email,
    String externalId,
    Role role,
    Long managedBy,
    String athleteProfileJson,
    Instant createdAt) {}

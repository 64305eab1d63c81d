package io.wearflow.http.athletes;

/**
 * A validated athlete identity and profile: the body of {@code PUT /v1/athletes/{athlete}/} by the
 * athlete himself (every field is replaced; null when not sent).
 */
public record AthleteUpdate(
    String username, String email, String externalId, AthleteProfile profile) {}

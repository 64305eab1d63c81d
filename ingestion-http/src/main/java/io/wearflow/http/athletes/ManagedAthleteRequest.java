package io.wearflow.http.athletes;

/**
 * A validated managed-athlete body ({@code POST /v1/athletes/managed/}, or {@code PUT
 * /v1/athletes/{athlete}/} by its manager): only the external id and the profile are the client's,
 * the username, e-mail and manager are fixed.
 */
public record ManagedAthleteRequest(String externalId, AthleteProfile profile) {}

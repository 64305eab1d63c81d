package io.wearflow.connectors.postgres;

/**
 * A manager account with its right to create and manage managed athletes (granted by the admin).
 */
public record ManagerAccount(Account account, boolean canManageAthletes) {}

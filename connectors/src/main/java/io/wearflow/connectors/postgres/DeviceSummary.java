package io.wearflow.connectors.postgres;

/**
 * What a timeframe needs to know of its device: whose it is, and what a timeframe listing embeds
 * ({@code with_device=true}).
 */
public record DeviceSummary(long id, String name, String externalId, String model, long ownerId) {}

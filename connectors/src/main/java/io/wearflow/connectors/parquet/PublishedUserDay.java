package io.wearflow.connectors.parquet;

import io.wearflow.schemas.actigraphy.UserDay;

/**
 * One publication of a user-day: the day's complete aggregates and the day's publication number.
 * The user-day job publishes a day again whenever it changes; {@code version} counts the
 * publications of one (user, local date) from 1 on, so that of two rows with the same updated_at
 * the later one is still known.
 *
 * @param day the day as published
 * @param version publication number of this (user_id, local_date), increasing from 1
 */
public record PublishedUserDay(UserDay day, long version) {}

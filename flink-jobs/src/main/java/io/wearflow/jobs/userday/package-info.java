/**
 * The user-day job: per user and per local day, the totals, heart-rate figures, per-source
 * breakdown and per-minute curves of the user's deduplicated measurements.
 *
 * <p>Samples are screened ({@link io.wearflow.jobs.userday.SampleRules}, {@link
 * io.wearflow.jobs.userday.Lateness}: invalid or too-late ones go to dead letters), keyed by user,
 * deduplicated by {@link io.wearflow.jobs.userday.SampleIdentity} with the last value received
 * winning, cut into local minutes and days ({@link io.wearflow.jobs.userday.MinuteSplitter}) and
 * folded into per-day sums ({@link io.wearflow.jobs.userday.UserDayAccumulator}), from which each
 * changed day is published about once a second ({@link io.wearflow.jobs.userday.UserDayResults}).
 * The plain classes hold every rule and are tested without Flink; the Flink functions ({@link
 * io.wearflow.jobs.userday.SampleScreen}, {@link io.wearflow.jobs.userday.UserDayAggregator}) only
 * adapt them to state, timers and outputs; {@link io.wearflow.jobs.userday.UserDayJob} only wires.
 */
package io.wearflow.jobs.userday;

/**
 * The user-day job: per user and per local day, the steps total and heart-rate figures of the
 * user's deduplicated samples.
 *
 * <p>Samples are split into the local days they overlap ({@link
 * io.wearflow.jobs.userday.UserDayBucketer}), keyed by (user, local date), deduplicated by {@link
 * io.wearflow.jobs.userday.SampleIdentity} with the last value received winning, and folded into a
 * {@link io.wearflow.jobs.userday.UserDayAccumulator}. Every change re-emits the whole day as a
 * {@code UserDay} row (the table sink coalesces rows per key) and every new or corrected sample
 * once to the sample export. The plain classes hold every rule and are tested without Flink; the
 * Flink functions ({@link io.wearflow.jobs.userday.DayPortionSplitter}, {@link
 * io.wearflow.jobs.userday.UserDayAggregator}) only adapt them to state and outputs; {@link
 * io.wearflow.jobs.userday.UserDayJob} only wires.
 */
package io.wearflow.jobs.userday;

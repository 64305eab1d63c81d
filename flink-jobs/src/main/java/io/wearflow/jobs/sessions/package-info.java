/**
 * The sessions job: users' sessions (the Google-Fit-shaped sessions contract) from the {@code
 * sessions} topic into the {@code sessions} table.
 *
 * <p>Every PUT of a session is one record; the table keeps, per (user, session id), the version
 * with the latest server-set modification time, so replays after a restart and records arriving out
 * of order converge. {@link io.wearflow.jobs.sessions.SessionRules} holds what the job accepts and
 * is tested without Flink; {@link io.wearflow.jobs.sessions.SessionChecker} adapts it; {@link
 * io.wearflow.jobs.sessions.SessionsJob} only wires.
 */
package io.wearflow.jobs.sessions;

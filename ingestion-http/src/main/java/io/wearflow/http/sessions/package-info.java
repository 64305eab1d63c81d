/**
 * Sessions ({@code /fitness/v1/users/me/sessions}, sessions-api.txt, Google Fit's shape): PUT
 * validates a session, stamps it with the server's modification time and writes it to the {@code
 * sessions} topic; GET lists the caller's sessions from the {@code sessions} table, which the
 * sessions job fills from the topic.
 */
package io.wearflow.http.sessions;

/**
 * Athlete and manager accounts ({@code /v1/athletes/}, {@code /v1/managers/};
 * live-timeframes-api.txt): registration, managed athletes, the athletes a manager may read, an
 * athlete's own account and password, and manager accounts created by the admin.
 */
package io.wearflow.http.athletes;

/**
 * The user's perception of a day ({@code /api/v1/me/timezone}): profile time zones over time with a
 * day-start hour, and their resolution for an instant, which stamps every measurement at the edge.
 */
package io.wearflow.http.timezone;

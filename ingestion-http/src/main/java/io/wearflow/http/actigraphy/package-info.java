/**
 * User-day reads ({@code /api/0.1/actigraphy/}, paginated, and {@code /api/0.1/actigraphy/{date}/}
 * with per-minute curves) from the computed-data tables.
 */
package io.wearflow.http.actigraphy;

/** User-day reads ({@code /api/0.1/actigraphy/}) from the computed-data tables. */
package io.wearflow.http.actigraphy;

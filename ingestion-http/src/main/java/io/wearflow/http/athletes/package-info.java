/** Athlete registration ({@code /v1/athletes/}, live-timeframes-api.txt). */
package io.wearflow.http.athletes;

package io.wearflow.http.timezone;

import io.javalin.http.Context;
import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.json.JsonRequestReader;
import java.time.Clock;

/**
 * {@code GET /api/v1/me/timezone} and {@code PUT /api/v1/me/timezone} (token required): the
 * caller's own time-zone settings. {@code PUT} stores one setting ({@link
 * TimeZoneRequestValidator}) and answers 200 with the same body as {@code GET} ({@link
 * TimeZoneResponse}). A setting applies to measurements received after it was stored; samples
 * already accepted keep the zone they were stamped with.
 */
public final class TimeZoneHandlers {

  private final JsonRequestReader reader;
  private final TimeZoneRequestValidator validator;
  private final TimeZones timeZones;
  private final Clock clock;

  public TimeZoneHandlers(
      JsonRequestReader reader,
      TimeZoneRequestValidator validator,
      TimeZones timeZones,
      Clock clock) {
    this.reader = reader;
    this.validator = validator;
    this.timeZones = timeZones;
    this.clock = clock;
  }

  public void get(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    ctx.json(TimeZoneResponse.of(timeZones.settings(userId), clock.instant()));
  }

  public void put(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    DaySetting setting = validator.validate(reader.read(ctx));
    timeZones.put(userId, setting);
    ctx.json(TimeZoneResponse.of(timeZones.settings(userId), clock.instant()));
  }
}

package io.wearflow.http.actigraphy;

import io.javalin.http.Context;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.Principal;

/**
 * {@code GET /api/0.1/actigraphy/?start_date=YYYY-MM-DD&end_date=YYYY-MM-DD} (token required): the
 * caller's own user-day aggregates in the range, as {@link ActigraphyResponse}. Invalid parameters
 * are answered 422 with pointers {@code /start_date} and {@code /end_date}.
 */
public final class ActigraphyHandlers {

  private final UserDays userDays;

  public ActigraphyHandlers(UserDays userDays) {
    this.userDays = userDays;
  }

  public void get(Context ctx) {
    Principal principal = BearerAuthenticator.principal(ctx);
    DateRange range = DateRange.fromQuery(ctx.queryParam("start_date"), ctx.queryParam("end_date"));
    ctx.json(
        ActigraphyResponse.of(
            range, userDays.findRange(principal.accountId(), range.start(), range.end())));
  }
}

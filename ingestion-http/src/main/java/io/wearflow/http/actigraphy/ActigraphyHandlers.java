package io.wearflow.http.actigraphy;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.problem.ApiException;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.LocalDate;
import java.util.List;

/**
 * The actigraphy reads (token required), always of the caller's own days:
 *
 * <ul>
 *   <li>{@code GET /api/0.1/actigraphy/?start_date=YYYY-MM-DD&end_date=YYYY-MM-DD[&limit=N]}: the
 *       days with data in the range, at most {@code limit} (1 to 366, default 366) per response,
 *       with the URI of the next page ({@link ActigraphyResponse}). Invalid parameters are answered
 *       422 with pointers {@code /start_date}, {@code /end_date}, {@code /limit}.
 *   <li>{@code GET /api/0.1/actigraphy/{date}/}: one day with its per-minute curves ({@link
 *       ActigraphyDay} with {@code minutes}); 404 when the day has no data, 422 (pointer {@code
 *       /date}) when {@code date} is not {@code YYYY-MM-DD}.
 * </ul>
 */
public final class ActigraphyHandlers {

  /** The collection path, also the base of {@code next} links. */
  public static final String PATH = "/api/0.1/actigraphy/";

  private final UserDays userDays;

  public ActigraphyHandlers(UserDays userDays) {
    this.userDays = userDays;
  }

  public void list(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    DaysQuery query =
        DaysQuery.fromQuery(
            ctx.queryParam("start_date"), ctx.queryParam("end_date"), ctx.queryParam("limit"));
    DateRange range = query.range();
    // One more than the page holds tells whether another page follows.
    List<ActigraphyDay> days =
        userDays.listDays(userId, range.start(), range.end(), query.limit() + 1);
    String next = null;
    if (days.size() > query.limit()) {
      days = days.subList(0, query.limit());
      next = query.after(days.get(days.size() - 1).date()).uri(PATH);
    }
    ctx.contentType(ContentType.APPLICATION_JSON)
        .result(
            ActigraphyListJson.write(
                new ActigraphyResponse(range.start(), range.end(), query.limit(), days, next)));
  }

  public void day(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    FieldErrors errors = new FieldErrors();
    LocalDate date = DateRange.date(ctx.pathParam("date"), "/date", errors);
    errors.throwIfAny();
    UserDay day =
        userDays
            .findDay(userId, date)
            .orElseThrow(() -> ApiException.notFound("No actigraphy data for " + date + "."));
    ctx.json(ActigraphyDay.withMinutes(day));
  }
}

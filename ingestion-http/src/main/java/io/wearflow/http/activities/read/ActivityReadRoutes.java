package io.wearflow.http.activities.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.http.auth.Access;
import java.time.Clock;

/**
 * Registers the recorded-activities reads (see {@link ActivityReadHandlers}, {@link
 * LongitudinalHandlers}, {@link BackfillStatusStream}); the fixed paths come before {@code
 * {activity_id}}, which would match them too.
 */
public final class ActivityReadRoutes {

  private ActivityReadRoutes() {}

  public static void register(
      JavalinDefaultRouting router,
      RecordedActivities activities,
      ObjectMapper mapper,
      Clock clock) {
    ActivityReadHandlers reads = new ActivityReadHandlers(activities, mapper);
    LongitudinalHandlers longitudinal = new LongitudinalHandlers(activities, mapper, clock);
    BackfillStatusStream backfill = new BackfillStatusStream(activities, mapper);
    router.get(ActivityReadHandlers.LIST_PATH, reads::list, Access.AUTHENTICATED);
    router.get(ActivityReadHandlers.LATEST_PATH, reads::latest, Access.AUTHENTICATED);
    router.get(BackfillStatusStream.PATH, backfill::stream, Access.AUTHENTICATED);
    router.get(LongitudinalHandlers.MEAN_MAX_PATH, longitudinal::meanMax, Access.AUTHENTICATED);
    router.get(
        LongitudinalHandlers.AWD_PATH, longitudinal::accumulatedWorkDuration, Access.AUTHENTICATED);
    router.get(LongitudinalHandlers.DATA_PATH, longitudinal::data, Access.AUTHENTICATED);
    router.get(ActivityReadHandlers.ITEM_PATH, reads::get, Access.AUTHENTICATED);
    router.get(ActivityReadHandlers.DATA_PATH, reads::data, Access.AUTHENTICATED);
    router.get(ActivityReadHandlers.MEAN_MAX_PATH, reads::meanMax, Access.AUTHENTICATED);
    router.get(ActivityReadHandlers.AWD_PATH, reads::accumulatedWorkDuration, Access.AUTHENTICATED);
  }
}

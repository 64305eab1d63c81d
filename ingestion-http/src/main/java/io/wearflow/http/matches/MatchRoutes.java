package io.wearflow.http.matches;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRouting;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.controlplane.AthleteAccess;
import io.wearflow.http.controlplane.JsonSchemas;
import io.wearflow.http.controlplane.PermissionPolicy;
import io.wearflow.http.controlplane.Permissions;
import io.wearflow.http.controlplane.SchemaDocumentValidator;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.json.JsonSupport;
import java.time.Duration;

/**
 * Registers the live-match routes (see {@link ActivityHandlers}, {@link TimeframeHandlers}, {@link
 * ComputedDataHandlers}).
 */
public final class MatchRoutes {

  /**
   * How often open computed-data streams look for changes: one query for all open streams, adding
   * half of it to the live latency on average.
   */
  static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  /** How often open computed-data streams get a keep-alive comment. */
  static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

  /** The stores the live-match routes need. */
  public record Stores(
      Activities activities,
      Timeframes timeframes,
      ComputedDataReads computedData,
      JsonSchemas jsonSchemas,
      Permissions permissions) {}

  private MatchRoutes() {}

  public static void register(
      JavalinDefaultRouting router,
      JsonRequestReader reader,
      Stores stores,
      Accounts accounts,
      PermissionPolicy policy) {
    ObjectMapper mapper = JsonSupport.newObjectMapper();
    SchemaDocumentValidator documents = new SchemaDocumentValidator(mapper);
    AthleteAccess access = new AthleteAccess(policy, stores.permissions());

    ActivityHandlers activities =
        new ActivityHandlers(
            reader,
            new ActivityRequestValidator(stores.jsonSchemas(), documents),
            stores.activities());
    router.get(ActivityHandlers.LIST_PATH, activities::list, Access.AUTHENTICATED);
    router.post(ActivityHandlers.LIST_PATH, activities::create, Access.AUTHENTICATED);
    router.get(ActivityHandlers.ITEM_PATH, activities::get, Access.AUTHENTICATED);
    router.put(ActivityHandlers.ITEM_PATH, activities::update, Access.AUTHENTICATED);
    router.delete(ActivityHandlers.ITEM_PATH, activities::delete, Access.AUTHENTICATED);

    TimeframeHandlers timeframes =
        new TimeframeHandlers(
            reader,
            new TimeframeRequestValidator(
                stores.timeframes(),
                stores.activities(),
                accounts,
                stores.jsonSchemas(),
                documents),
            stores.timeframes(),
            stores.activities(),
            accounts,
            access,
            mapper);
    router.get(TimeframeHandlers.LIST_PATH, timeframes::list, Access.AUTHENTICATED);
    router.post(TimeframeHandlers.LIST_PATH, timeframes::create, Access.AUTHENTICATED);
    router.get(TimeframeHandlers.ITEM_PATH, timeframes::get, Access.AUTHENTICATED);
    router.put(TimeframeHandlers.ITEM_PATH, timeframes::put, Access.AUTHENTICATED);
    router.patch(TimeframeHandlers.ITEM_PATH, timeframes::patch, Access.AUTHENTICATED);
    router.delete(TimeframeHandlers.ITEM_PATH, timeframes::delete, Access.AUTHENTICATED);

    ComputedDataHandlers computed =
        new ComputedDataHandlers(
            stores.timeframes(),
            stores.activities(),
            stores.computedData(),
            new ComputedDataStreams(stores.computedData(), POLL_INTERVAL, KEEP_ALIVE_INTERVAL),
            policy,
            stores.permissions());
    router.get(ComputedDataHandlers.TIMEFRAME_PATH, computed::ofTimeframe, Access.AUTHENTICATED);
    router.get(ComputedDataHandlers.STREAM_PATH, computed::stream, Access.AUTHENTICATED);
    router.get(ComputedDataHandlers.ACTIVITY_PATH, computed::ofActivity, Access.AUTHENTICATED);
  }
}

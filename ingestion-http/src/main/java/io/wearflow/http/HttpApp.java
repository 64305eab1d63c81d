package io.wearflow.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.wearflow.http.actigraphy.ActigraphyHandlers;
import io.wearflow.http.activities.read.ActivityReadRoutes;
import io.wearflow.http.activities.upload.ActivityUploadHandlers;
import io.wearflow.http.athletes.AthleteAccountHandlers;
import io.wearflow.http.athletes.AthleteHandlers;
import io.wearflow.http.athletes.AthleteRegistrationValidator;
import io.wearflow.http.athletes.ManagerHandlers;
import io.wearflow.http.auth.Access;
import io.wearflow.http.auth.AccountCache;
import io.wearflow.http.auth.Accounts;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.auth.TokenHandler;
import io.wearflow.http.controlplane.AthleteAccess;
import io.wearflow.http.controlplane.ControlPlaneRoutes;
import io.wearflow.http.controlplane.PermissionPolicy;
import io.wearflow.http.devices.DeviceRoutes;
import io.wearflow.http.idempotency.IdempotencyFilter;
import io.wearflow.http.json.JsonBodyParser;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.json.JsonSupport;
import io.wearflow.http.samples.SampleHandlers;
import io.wearflow.http.samples.SampleRecordMapper;
import io.wearflow.http.samples.SamplesValidator;
import io.wearflow.http.sessions.SessionHandlers;
import io.wearflow.http.timeseries.ActivityTimeSeriesHandlers;
import io.wearflow.http.timeseries.ActivityTimeSeriesRecordMapper;
import io.wearflow.http.timeseries.ActivityTimeSeriesValidator;
import io.wearflow.http.timezone.TimeZoneHandlers;
import io.wearflow.http.timezone.TimeZoneRequestValidator;
import io.wearflow.http.webhooks.WebhookHandlers;
import java.util.Map;

/**
 * Builds the HTTP edge: every route of the API in one place, with the access each requires.
 * Trailing slashes are optional on every path ({@code /api/0.1/actigraphy} and {@code
 * /api/0.1/actigraphy/} are the same route). Errors, including unknown routes, are answered as
 * {@code application/problem+json} by {@link ProblemResponses}.
 *
 * <pre>
 * GET  /health                        public   200 {"status": "ok"}
 * POST /v1/athletes/                  public   201 athlete (AthleteView)
 * GET  /v1/athletes/, POST /v1/athletes/managed/, GET /v1/athletes/by-external-id/,
 * GET|PUT|DELETE /v1/athletes/{athlete}/, PUT /v1/athletes/{athlete}/password/
 *                                     token    athletes (see AthleteAccountHandlers)
 * POST|GET /v1/managers/, GET /v1/managers/me/  token  managers (see ManagerHandlers)
 * GET|POST|PUT|DELETE /v1/activities/{activity}/webhooks/[{webhook}/[deliveries/]]
 *                                     token    webhooks (see WebhookHandlers)
 * POST /api/v1/auth/token             public   200 {"access_token", "token_type", "expires_in"}
 * GET  /api/v1/me/timezone            token    200 TimeZoneResponse
 * PUT  /api/v1/me/timezone            token    200 TimeZoneResponse
 * POST /api/v1.1/samples              token    201 {"accepted": N}
 * PUT  /api/0.1/activity_timeseries/  token    200 {"accepted": N}
 * GET  /api/0.1/actigraphy/           token    200 ActigraphyResponse (paginated)
 * GET  /api/0.1/actigraphy/{date}/    token    200 ActigraphyDay with minutes
 * PUT  /fitness/v1/users/me/sessions/{sessionId}  token  200 SessionJson (see SessionHandlers)
 * GET  /fitness/v1/users/me/sessions              token  200 SessionListResponse
 * GET|POST|DELETE /v1/athletes/{athlete}/[managers/{manager}/]permissions/[{permission}/]
 *                                                  token  permissions (see PermissionHandlers)
 * GET  /v1/json-schemas/[{json_schema}/]           token  JSON schemas (see JsonSchemaHandlers)
 * GET|POST /v1/devices/, GET|PUT|DELETE /v1/devices/{device}/, POST /v1/devices/{device}/frames
 *                                                  token  devices, tracking (see DeviceRoutes)
 * POST /api/v1/activities/upload, GET /api/v1/activities/{activity_id}/download,
 * PUT|DELETE /api/v1/activities/{activity_id}/app-metadata
 *                                     token    activity uploads (see ActivityUploadHandlers)
 * GET  /api/v1/activities/[latest|backfill-status|longitudinal-*|{activity_id}[/data|/mean-max|
 *      /accumulated-work-duration]]               token  recorded activities (ActivityReadRoutes)
 * </pre>
 *
 * The caller starts and stops the returned app ({@code app.start(port)}, {@code app.stop()}).
 */
public final class HttpApp {

  private HttpApp() {}

  public static Javalin create(HttpDependencies deps) {
    ObjectMapper mapper = JsonSupport.newObjectMapper();
    long maxRequestBytes = deps.config().limits().maxRequestBytes();
    long maxUploadBytes = deps.config().limits().maxUploadBytes();
    JsonRequestReader reader =
        new JsonRequestReader(
            new JsonBodyParser(mapper),
            maxRequestBytes,
            Map.of(ActivityUploadHandlers.UPLOAD_PATH, maxUploadBytes));

    // The authenticator reads accounts through a short-lived cache; every handler writes through
    // `accounts`, which drops the cached account it changed.
    AccountCache accountCache = new AccountCache(deps.accounts());
    Accounts accounts = accountCache.invalidating();
    BearerAuthenticator authenticator = new BearerAuthenticator(deps.tokens(), accountCache);
    IdempotencyFilter idempotency =
        new IdempotencyFilter(
            deps.idempotencyKeys(), reader, deps.clock(), IdempotencyFilter.DEFAULT_RETENTION);
    AthleteHandlers athletes =
        new AthleteHandlers(
            reader,
            new AthleteRegistrationValidator(deps.clock()),
            accounts,
            deps.passwords(),
            mapper);
    AthleteRegistrationValidator athleteValidator = new AthleteRegistrationValidator(deps.clock());
    AthleteAccountHandlers athleteAccounts =
        new AthleteAccountHandlers(
            reader,
            athleteValidator,
            accounts,
            new AthleteAccess(new PermissionPolicy(), deps.controlPlane().permissions()),
            deps.passwords(),
            mapper,
            deps.clock());
    ManagerHandlers managers =
        new ManagerHandlers(reader, athleteValidator, accounts, deps.passwords());
    TokenHandler tokens = new TokenHandler(reader, accounts, deps.passwords(), deps.tokens());
    TimeZoneHandlers timeZones =
        new TimeZoneHandlers(
            reader, new TimeZoneRequestValidator(deps.clock()), deps.timeZones(), deps.clock());
    SampleHandlers samples =
        new SampleHandlers(
            reader,
            new SamplesValidator(),
            new SampleRecordMapper(deps.clock()),
            deps.timeZones(),
            deps.samplePublisher());
    ActivityTimeSeriesHandlers timeSeries =
        new ActivityTimeSeriesHandlers(
            reader,
            new ActivityTimeSeriesValidator(),
            new ActivityTimeSeriesRecordMapper(deps.clock()),
            deps.timeZones(),
            deps.samplePublisher());
    ActigraphyHandlers actigraphy = new ActigraphyHandlers(deps.userDays());
    HeavyReads heavyReads =
        new HeavyReads(deps.config().limits().heavyReads(), HeavyReads.MAX_WAIT);

    return Javalin.create(
        config -> {
          config.showJavalinBanner = false;
          config.jsonMapper(new JavalinJackson(mapper, false));
          config.http.maxRequestSize = Math.max(maxRequestBytes, maxUploadBytes);
          config.router.ignoreTrailingSlashes = true;
          config.router.mount(
              router -> {
                router.beforeMatched(authenticator::authenticate);
                router.beforeMatched(idempotency::before);
                router.afterMatched(idempotency::after);
                router.get("/health", HttpApp::health, Access.PUBLIC);
                router.post("/v1/athletes/", athletes::register, Access.PUBLIC);
                // Fixed paths before /v1/athletes/{athlete}/, which would match them too.
                router.get(
                    AthleteAccountHandlers.LIST_PATH, athleteAccounts::list, Access.AUTHENTICATED);
                router.post(
                    AthleteAccountHandlers.MANAGED_PATH,
                    athleteAccounts::createManaged,
                    Access.AUTHENTICATED);
                router.get(
                    AthleteAccountHandlers.BY_EXTERNAL_ID_PATH,
                    athleteAccounts::byExternalId,
                    Access.AUTHENTICATED);
                router.get(
                    AthleteAccountHandlers.ITEM_PATH, athleteAccounts::get, Access.AUTHENTICATED);
                router.put(
                    AthleteAccountHandlers.ITEM_PATH,
                    athleteAccounts::update,
                    Access.AUTHENTICATED);
                router.delete(
                    AthleteAccountHandlers.ITEM_PATH,
                    athleteAccounts::delete,
                    Access.AUTHENTICATED);
                router.put(
                    AthleteAccountHandlers.PASSWORD_PATH,
                    athleteAccounts::changePassword,
                    Access.AUTHENTICATED);
                router.post(ManagerHandlers.LIST_PATH, managers::create, Access.AUTHENTICATED);
                router.get(ManagerHandlers.LIST_PATH, managers::list, Access.AUTHENTICATED);
                router.get(ManagerHandlers.ME_PATH, managers::me, Access.AUTHENTICATED);
                WebhookHandlers.register(router, reader, deps.webhooks());
                router.post("/api/v1/auth/token", tokens::issue, Access.PUBLIC);
                router.get("/api/v1/me/timezone", timeZones::get, Access.AUTHENTICATED);
                router.put("/api/v1/me/timezone", timeZones::put, Access.AUTHENTICATED);
                router.post("/api/v1.1/samples", samples::post, Access.AUTHENTICATED);
                router.put("/api/0.1/activity_timeseries/", timeSeries::put, Access.AUTHENTICATED);
                router.get(
                    ActigraphyHandlers.PATH,
                    heavyReads.limit(actigraphy::list),
                    Access.AUTHENTICATED);
                router.get(
                    "/api/0.1/actigraphy/{date}/",
                    heavyReads.limit(actigraphy::day),
                    Access.AUTHENTICATED);
                SessionHandlers.register(
                    router, reader, deps.sessionPublisher(), deps.sessions(), deps.clock());
                DeviceRoutes.register(
                    router, reader, deps.devices(), deps.trackingPublisher(), deps.clock());
                ActivityUploadHandlers.register(
                    router,
                    reader,
                    deps.activityFiles(),
                    deps.activityPublisher(),
                    deps.timeZones(),
                    deps.clock(),
                    mapper);
                ActivityReadRoutes.register(
                    router, deps.recordedActivities(), mapper, deps.clock());
                ControlPlaneRoutes.register(
                    router, reader, deps.controlPlane(), accounts, deps.clock());
                ProblemResponses.register(router, mapper);
              });
        });
  }

  private static void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }
}

package io.wearflow.infra.e2e.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The authorization matrix as data: every authenticated endpoint of the API (rows) against every
 * kind of {@link Caller} (columns), with the status the caller must get (docs/api.md: 401 for a
 * missing, malformed, expired or badly signed token; 403 for a caller who may not; 404 where the
 * docs hide existence, e.g. another manager's device). The named data are the subject athlete's
 * (shared fixtures for reads, fresh ones for writes, see {@link Endpoints}).
 *
 * <p>The {@code /me}-style endpoints (time zone, samples, time series, actigraphy, sessions) act on
 * the caller's own data whoever he is, so another athlete, a manager or the admin get 2xx for their
 * own (empty) data: they cannot name the subject at all (a sessions {@code userId} other than
 * {@code me} is 403 for everyone). {@code GET /api/0.1/actigraphy/{date}/} is 404 for callers
 * without data that day.
 *
 * <p>Recorded activities ({@code /api/v1/activities/...}) are likewise the caller's own: the API
 * has no athlete parameter and no manager permission opens another account's activity, so the
 * subject's activity id is 404 to everyone but him (another athlete, every manager, the admin),
 * {@code latest} is 404 to callers without activities of their own, and the list, longitudinal and
 * backfill-status reads answer 200 with the caller's own (here empty) data. Anyone with a valid
 * token may upload (202), to his own account.
 */
final class AuthorizationTable {

  static final String TABLE =
      """
      # endpoint                                                        none malformed expired signature other no-perm window perm self admin
      GET    /v1/athletes/                                                 401 401 401 401   403 200 200 200   403 403
      POST   /v1/athletes/managed/                                         401 401 401 401   403 403 403 201   403 403
      GET    /v1/athletes/by-external-id/                                  401 401 401 401   403 403 403 200   200 403
      GET    /v1/athletes/{athlete}/                                       401 401 401 401   403 403 403 200   200 403
      PUT    /v1/athletes/{athlete}/                                       401 401 401 401   403 403 403 403   200 403
      DELETE /v1/athletes/{athlete}/                                       401 401 401 401   403 403 403 403   204 403
      PUT    /v1/athletes/{athlete}/password/                              401 401 401 401   403 403 403 403   204 403
      POST   /v1/managers/                                                 401 401 401 401   403 403 403 403   403 201
      GET    /v1/managers/                                                 401 401 401 401   403 403 403 403   403 200
      GET    /v1/managers/me/                                              401 401 401 401   403 200 200 200   403 403
      GET    /v1/athletes/{athlete}/permissions/                           401 401 401 401   403 403 403 403   200 403
      GET    /v1/athletes/{athlete}/managers/{manager}/permissions/        401 401 401 401   403 403 403 403   200 403
      POST   /v1/athletes/{athlete}/managers/{manager}/permissions/        401 401 401 401   403 403 403 403   200 403
      DELETE /v1/athletes/{athlete}/managers/{manager}/permissions/        401 401 401 401   403 403 403 403   204 403
      DELETE /v1/athletes/{athlete}/managers/{manager}/permissions/{permission}/ 401 401 401 401 403 403 403 403 204 403
      GET    /v1/json-schemas/                                             401 401 401 401   403 200 200 200   403 403
      GET    /v1/json-schemas/{json_schema}/                               401 401 401 401   403 200 200 200   403 403
      GET    /v1/activities/                                               401 401 401 401   403 200 200 200   403 403
      POST   /v1/activities/                                               401 401 401 401   403 201 201 201   403 403
      GET    /v1/activities/{activity}/                                    401 401 401 401   403 403 403 200   403 403
      PUT    /v1/activities/{activity}/                                    401 401 401 401   403 403 403 200   403 403
      DELETE /v1/activities/{activity}/                                    401 401 401 401   403 403 403 204   403 403
      GET    /v1/timeframes/                                               401 401 401 401   403 200 200 200   403 403
      POST   /v1/timeframes/                                               401 401 401 401   403 403 403 201   403 403
      GET    /v1/timeframes/{timeFrame}/                                   401 401 401 401   403 403 403 200   403 403
      PUT    /v1/timeframes/{timeFrame}/                                   401 401 401 401   403 403 403 200   403 403
      PATCH  /v1/timeframes/{timeFrame}/                                   401 401 401 401   403 403 403 200   403 403
      DELETE /v1/timeframes/{timeFrame}/                                   401 401 401 401   403 403 403 204   403 403
      GET    /v1/timeframes/{timeFrame}/computed-data/                     401 401 401 401   403 403 403 200   200 403
      GET    /v1/timeframes/{timeFrame}/computed-data/stream               401 401 401 401   403 403 403 200   200 403
      GET    /v1/activities/{activity}/computed-data/                      401 401 401 401   403 403 403 200   200 403
      GET    /v1/activities/{activity}/webhooks/                           401 401 401 401   403 403 403 200   403 403
      POST   /v1/activities/{activity}/webhooks/                           401 401 401 401   403 403 403 200   403 403
      GET    /v1/activities/{activity}/webhooks/{webhook}/                 401 401 401 401   403 403 403 200   403 403
      PUT    /v1/activities/{activity}/webhooks/{webhook}/                 401 401 401 401   403 403 403 200   403 403
      DELETE /v1/activities/{activity}/webhooks/{webhook}/                 401 401 401 401   403 403 403 204   403 403
      GET    /v1/activities/{activity}/webhooks/{webhook}/deliveries/      401 401 401 401   403 403 403 200   403 403
      GET    /v1/devices/                                                  401 401 401 401   403 200 200 200   403 403
      POST   /v1/devices/                                                  401 401 401 401   403 201 201 201   403 403
      GET    /v1/devices/{device}/                                         401 401 401 401   403 404 404 200   403 403
      PUT    /v1/devices/{device}/                                         401 401 401 401   403 404 404 200   403 403
      DELETE /v1/devices/{device}/                                         401 401 401 401   403 404 404 204   403 403
      POST   /v1/devices/{device}/frames                                   401 401 401 401   403 404 404 202   403 403
      GET    /api/v1/me/timezone                                           401 401 401 401   200 200 200 200   200 200
      PUT    /api/v1/me/timezone                                           401 401 401 401   200 200 200 200   200 200
      POST   /api/v1.1/samples                                             401 401 401 401   201 201 201 201   201 201
      PUT    /api/0.1/activity_timeseries/                                 401 401 401 401   200 200 200 200   200 200
      GET    /api/0.1/actigraphy/                                          401 401 401 401   200 200 200 200   200 200
      GET    /api/0.1/actigraphy/{date}/                                   401 401 401 401   404 404 404 404   200 404
      PUT    /fitness/v1/users/me/sessions/{sessionId}                     401 401 401 401   200 200 200 200   200 200
      GET    /fitness/v1/users/me/sessions                                 401 401 401 401   200 200 200 200   200 200
      GET    /fitness/v1/users/{athlete}/sessions                          401 401 401 401   403 403 403 403   403 403
      GET    /api/v1/activities/                                           401 401 401 401   200 200 200 200   200 200
      GET    /api/v1/activities/latest                                     401 401 401 401   404 404 404 404   200 404
      GET    /api/v1/activities/backfill-status                            401 401 401 401   200 200 200 200   200 200
      GET    /api/v1/activities/longitudinal-data                          401 401 401 401   200 200 200 200   200 200
      GET    /api/v1/activities/longitudinal-mean-max                      401 401 401 401   200 200 200 200   200 200
      GET    /api/v1/activities/longitudinal-accumulated-work-duration     401 401 401 401   200 200 200 200   200 200
      GET    /api/v1/activities/{activity_id}                              401 401 401 401   404 404 404 404   200 404
      GET    /api/v1/activities/{activity_id}/data                         401 401 401 401   404 404 404 404   200 404
      GET    /api/v1/activities/{activity_id}/mean-max                     401 401 401 401   404 404 404 404   200 404
      GET    /api/v1/activities/{activity_id}/accumulated-work-duration    401 401 401 401   404 404 404 404   200 404
      GET    /api/v1/activities/{activity_id}/download                     401 401 401 401   404 404 404 404   200 404
      PUT    /api/v1/activities/{activity_id}/app-metadata                 401 401 401 401   404 404 404 404   200 404
      DELETE /api/v1/activities/{activity_id}/app-metadata                 401 401 401 401   404 404 404 404   204 404
      POST   /api/v1/activities/upload                                     401 401 401 401   202 202 202 202   202 202
      """;

  /** One cell: this endpoint called by this caller must answer this status. */
  record Cell(String endpoint, Caller caller, int status) {

    @Override
    public String toString() {
      return endpoint + " as " + caller.column + " -> " + status;
    }
  }

  /** One row: an endpoint ({@code METHOD /path}) and the status per caller, in column order. */
  record Row(String endpoint, int[] statuses) {

    int status(Caller caller) {
      return statuses[caller.ordinal()];
    }

    List<Cell> cells() {
      List<Cell> cells = new ArrayList<>();
      for (Caller caller : Caller.values()) {
        cells.add(new Cell(endpoint, caller, status(caller)));
      }
      return cells;
    }
  }

  private AuthorizationTable() {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String line : TABLE.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split("\\s+");
      int columns = Caller.values().length;
      if (fields.length != 2 + columns) {
        throw new IllegalStateException("a row needs " + columns + " statuses: " + line);
      }
      int[] statuses =
          Arrays.stream(fields, 2, fields.length).mapToInt(Integer::parseInt).toArray();
      rows.add(new Row(fields[0] + " " + fields[1], statuses));
    }
    return rows;
  }

  static List<Cell> cells() {
    return rows().stream().flatMap(row -> row.cells().stream()).toList();
  }
}

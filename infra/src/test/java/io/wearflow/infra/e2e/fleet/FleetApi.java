package io.wearflow.infra.e2e.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoints a device fleet uses, over real HTTP ({@link WearflowApi}): time-zone settings,
 * activity time series, one actigraphy day with its curves, actigraphy pages, sessions. The {@code
 * ...Accepted}/{@code ...Ok} methods check the success status themselves.
 */
final class FleetApi {

  static final String TIME_ZONE = "/api/v1/me/timezone";
  static final String TIME_SERIES = "/api/0.1/activity_timeseries/";
  static final String ACTIGRAPHY = "/api/0.1/actigraphy/";
  static final String SESSIONS = "/fitness/v1/users/me/sessions/";

  private final WearflowApi http;

  FleetApi(WearflowApi http) {
    this.http = http;
  }

  /** The underlying client (registration, tokens, samples, raw requests). */
  WearflowApi http() {
    return http;
  }

  Athlete newAthlete(String prefix) throws Exception {
    return http.newAthlete(prefix);
  }

  /** {@code PUT /api/v1/me/timezone}; must answer 200. */
  JsonNode putTimeZone(Athlete athlete, String zone, Instant effectiveFrom, int dayStartHour)
      throws Exception {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("time_zone", zone);
    body.put("effective_from", effectiveFrom.toString());
    body.put("day_start_hour", dayStartHour);
    HttpResponse<String> response = http.send("PUT", TIME_ZONE, body.toString(), athlete.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WearflowApi.parse(response.body());
  }

  /** {@code GET /api/v1/me/timezone}; must answer 200. */
  JsonNode timeZone(Athlete athlete) throws Exception {
    return ok(http.send("GET", TIME_ZONE, null, athlete.token()));
  }

  /** {@code PUT /api/0.1/activity_timeseries/}; must answer 200 {"accepted": points}. */
  void putTimeSeriesAccepted(Athlete athlete, TimeSeriesBatch batch) throws Exception {
    HttpResponse<String> response = http.send("PUT", TIME_SERIES, batch.toJson(), athlete.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(WearflowApi.parse(response.body()).get("accepted").asInt())
        .isEqualTo(batch.points().size());
  }

  /** {@code GET /api/0.1/actigraphy/{date}/}, whatever the answer. */
  HttpResponse<String> getDay(Athlete athlete, LocalDate date) throws Exception {
    return http.send("GET", ACTIGRAPHY + date + "/", null, athlete.token());
  }

  /** {@code GET /api/0.1/actigraphy/{date}/}; must answer 200 (the day with its curves). */
  JsonNode day(Athlete athlete, LocalDate date) throws Exception {
    return ok(getDay(athlete, date));
  }

  /** {@code GET /api/0.1/actigraphy/?start_date=&end_date=}; must answer 200. */
  JsonNode days(Athlete athlete, LocalDate from, LocalDate to) throws Exception {
    return http.actigraphy(athlete.token(), from, to);
  }

  /** {@code GET pathAndQuery} (e.g. a {@code next} link); must answer 200. */
  JsonNode page(Athlete athlete, String pathAndQuery) throws Exception {
    return ok(http.send("GET", pathAndQuery, null, athlete.token()));
  }

  /** {@code PUT /fitness/v1/users/me/sessions/{id}}; must answer 200 (the stored session). */
  JsonNode putSessionOk(Athlete athlete, String sessionId, String body) throws Exception {
    return ok(http.send("PUT", SESSIONS + sessionId, body, athlete.token()));
  }

  /** The dates of the days listed in an actigraphy response, in order. */
  static List<LocalDate> dates(JsonNode actigraphy) {
    List<LocalDate> dates = new ArrayList<>();
    for (JsonNode day : actigraphy.get("days")) {
      dates.add(LocalDate.parse(day.get("date").asText()));
    }
    return dates;
  }

  /** A JSON array of numbers and nulls as a list (nulls kept). */
  static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    for (JsonNode v : (ArrayNode) array) {
      values.add(v.isNull() ? null : v.asDouble());
    }
    return values;
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WearflowApi.parse(response.body());
  }
}

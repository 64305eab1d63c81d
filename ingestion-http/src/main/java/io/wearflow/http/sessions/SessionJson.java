package io.wearflow.http.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wearflow.schemas.sessions.Application;
import io.wearflow.schemas.sessions.Session;

/**
 * A session as the contract shows it (Google Fit's {@code Session} resource): times in epoch
 * milliseconds as JSON integers, members that were not sent are omitted.
 *
 * <pre>{@code
 * {"id": "run-2023-11-01", "name": "Morning run", "startTimeMillis": 1698822000000,
 *  "endTimeMillis": 1698825600000, "modifiedTimeMillis": 1698825660123,
 *  "application": {"packageName": "com.example.runner", "name": "Runner"},
 *  "activityType": 8, "activeTimeMillis": 3300000}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "id",
  "name",
  "description",
  "startTimeMillis",
  "endTimeMillis",
  "modifiedTimeMillis",
  "application",
  "activityType",
  "activeTimeMillis"
})
public record SessionJson(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("startTimeMillis") long startTimeMillis,
    @JsonProperty("endTimeMillis") long endTimeMillis,
    @JsonProperty("modifiedTimeMillis") long modifiedTimeMillis,
    @JsonProperty("application") ApplicationJson application,
    @JsonProperty("activityType") Integer activityType,
    @JsonProperty("activeTimeMillis") Long activeTimeMillis) {

  /** The application that created a session. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"packageName", "version", "detailsUrl", "name"})
  public record ApplicationJson(
      @JsonProperty("packageName") String packageName,
      @JsonProperty("version") String version,
      @JsonProperty("detailsUrl") String detailsUrl,
      @JsonProperty("name") String name) {}

  public static SessionJson of(Session session) {
    Application application = session.getApplication();
    return new SessionJson(
        session.getSessionId(),
        session.getName(),
        session.getDescription(),
        session.getStartTime().toEpochMilli(),
        session.getEndTime().toEpochMilli(),
        session.getModifiedTime().toEpochMilli(),
        application == null
            ? null
            : new ApplicationJson(
                application.getPackageName(),
                application.getVersion(),
                application.getDetailsUrl(),
                application.getName()),
        session.getActivityType(),
        session.getActiveTimeMillis());
  }
}

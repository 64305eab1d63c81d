package io.wearflow.http.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code GET /fitness/v1/users/me/sessions} in Google Fit's list shape: one page of
 * sessions, ordered by start time then id; {@code deletedSession} is always empty (sessions are not
 * deleted); {@code hasMoreData} says whether another page follows, which {@code nextPageToken}
 * (omitted on the last page) fetches.
 */
@JsonPropertyOrder({"session", "deletedSession", "hasMoreData", "nextPageToken"})
public record SessionListResponse(
    @JsonProperty("session") List<SessionJson> session,
    @JsonProperty("deletedSession") List<SessionJson> deletedSession,
    @JsonProperty("hasMoreData") boolean hasMoreData,
    @JsonProperty("nextPageToken") @JsonInclude(JsonInclude.Include.NON_NULL)
        String nextPageToken) {}

package io.wearflow.http.actigraphy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code GET /api/0.1/actigraphy/}: the requested range, up to {@code limit} of the
 * caller's days in it that have data, by date (days without any measurement are absent, not
 * zero-filled), and the URI of the next page, or null on the last one.
 *
 * <pre>{@code
 * {"start_date": "2024-03-01", "end_date": "2024-03-31", "limit": 2,
 *  "days": [{"date": "2024-03-01", ...}, {"date": "2024-03-04", ...}],
 *  "next": "/api/0.1/actigraphy/?start_date=2024-03-05&end_date=2024-03-31&limit=2"}
 * }</pre>
 *
 * Each day is an {@link ActigraphyDay} without {@code minutes}.
 */
@JsonPropertyOrder({"start_date", "end_date", "limit", "days", "next"})
public record ActigraphyResponse(
    @JsonProperty("start_date") LocalDate startDate,
    @JsonProperty("end_date") LocalDate endDate,
    @JsonProperty("limit") int limit,
    @JsonProperty("days") List<ActigraphyDay> days,
    @JsonProperty("next") String next) {}

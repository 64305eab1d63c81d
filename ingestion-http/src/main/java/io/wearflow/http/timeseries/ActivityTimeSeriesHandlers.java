package io.wearflow.http.timeseries;

import io.javalin.http.Context;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.samples.SamplePublisher;
import io.wearflow.http.timezone.TimeZones;
import io.wearflow.schemas.samples.Sample;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /api/0.1/activity_timeseries/} (token required): validates the whole request, stamps
 * each point with the caller's time zone (settings read once per request), and answers {@code 200
 * {"accepted": N}} (N = points published) only after Kafka acknowledged every record; 503 with
 * {@code Retry-After} when it did not. An invalid request publishes nothing.
 */
public final class ActivityTimeSeriesHandlers {

  private final JsonRequestReader reader;
  private final ActivityTimeSeriesValidator validator;
  private final ActivityTimeSeriesRecordMapper mapper;
  private final TimeZones timeZones;
  private final SamplePublisher publisher;

  public ActivityTimeSeriesHandlers(
      JsonRequestReader reader,
      ActivityTimeSeriesValidator validator,
      ActivityTimeSeriesRecordMapper mapper,
      TimeZones timeZones,
      SamplePublisher publisher) {
    this.reader = reader;
    this.validator = validator;
    this.mapper = mapper;
    this.timeZones = timeZones;
    this.publisher = publisher;
  }

  public void put(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    ActivityTimeSeriesRequest request = validator.validate(reader.read(ctx));
    List<Sample> records = mapper.toRecords(userId, request, timeZones.settings(userId));
    publisher.publish(records);
    ctx.json(Map.of("accepted", records.size()));
  }
}

package io.wearflow.http.samples;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.wearflow.http.auth.BearerAuthenticator;
import io.wearflow.http.json.JsonRequestReader;
import io.wearflow.http.timezone.TimeZones;
import io.wearflow.schemas.samples.Sample;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1.1/samples} (token required): validates the whole batch, converts it to Avro
 * for the token's user (day-start hour from the user's settings, read once per request) and answers
 * {@code 201 {"accepted": N}} only after Kafka acknowledged all N records; 503 with {@code
 * Retry-After} when it did not. A valid body is read from the JSON tokens ({@link
 * SamplesStreamReader}); any other takes the general way, which gives the same result or errors.
 */
public final class SampleHandlers {

  private final JsonRequestReader reader;
  private final SamplesValidator validator;
  private final SampleRecordMapper mapper;
  private final TimeZones timeZones;
  private final SamplePublisher publisher;
  private final SamplesStreamReader stream;

  public SampleHandlers(
      JsonRequestReader reader,
      SamplesValidator validator,
      SampleRecordMapper mapper,
      TimeZones timeZones,
      SamplePublisher publisher) {
    this.reader = reader;
    this.validator = validator;
    this.mapper = mapper;
    this.timeZones = timeZones;
    this.publisher = publisher;
    this.stream = new SamplesStreamReader(reader.parser());
  }

  public void post(Context ctx) {
    long userId = BearerAuthenticator.principal(ctx).accountId();
    SamplesRequest request = stream.read(reader.checkedBody(ctx));
    if (request == null) {
      request = validator.validate(reader.read(ctx));
    }
    List<Sample> records = mapper.toRecords(userId, request, timeZones.settings(userId));
    publisher.publish(records);
    ctx.status(HttpStatus.CREATED).json(Map.of("accepted", records.size()));
  }
}

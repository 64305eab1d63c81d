package io.wearflow.http.sessions;

import io.wearflow.http.sessions.SessionInput.ApplicationInput;
import io.wearflow.schemas.sessions.Application;
import io.wearflow.schemas.sessions.Session;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Turns a validated session into the Avro record of the {@code sessions} topic: the user comes from
 * the token and {@code modified_time} from the edge's clock when the request is accepted, truncated
 * to milliseconds (the precision of the contract's {@code modifiedTimeMillis}), so the record
 * equals what readers decode and what the response shows.
 */
public final class SessionRecordMapper {

  private final Clock clock;

  public SessionRecordMapper(Clock clock) {
    this.clock = clock;
  }

  public Session toRecord(long userId, SessionInput input) {
    ApplicationInput application = input.application();
    return Session.newBuilder()
        .setUserId(userId)
        .setSessionId(input.id())
        .setName(input.name())
        .setDescription(input.description())
        .setStartTime(input.start())
        .setEndTime(input.end())
        .setModifiedTime(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .setApplication(
            application == null
                ? null
                : Application.newBuilder()
                    .setPackageName(application.packageName())
                    .setVersion(application.version())
                    .setDetailsUrl(application.detailsUrl())
                    .setName(application.name())
                    .build())
        .setActivityType(input.activityType())
        .setActiveTimeMillis(input.activeTimeMillis())
        .build();
  }
}

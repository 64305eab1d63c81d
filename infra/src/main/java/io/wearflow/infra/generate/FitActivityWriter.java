package io.wearflow.infra.generate;

import com.garmin.fit.Activity;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.LapMesg;
import com.garmin.fit.LapTrigger;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionTrigger;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import com.garmin.fit.TimerTrigger;
import io.wearflow.infra.generate.GeneratedActivity.Range;
import io.wearflow.infra.generate.GeneratedActivity.Sample;
import java.util.List;

/**
 * Writes a generated activity as a FIT activity file with Garmin's SDK, laid out as a head unit
 * records it: file id, device info, timer start event, one record per second with each lap message
 * after its records, timer stop event, session (with the sport) and activity (whose local timestamp
 * carries the offset of local time). Same activity, same bytes.
 */
public final class FitActivityWriter {

  static final int PRODUCT = 1;
  static final long SERIAL_NUMBER = 3_141_592L;

  private FitActivityWriter() {}

  public static byte[] write(GeneratedActivity activity) {
    List<Sample> samples = activity.samples();
    DateTime start = new DateTime(samples.get(0).timestamp());
    DateTime end = new DateTime(samples.get(samples.size() - 1).timestamp());
    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);

    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.DEVELOPMENT);
    fileId.setProduct(PRODUCT);
    fileId.setSerialNumber(SERIAL_NUMBER);
    fileId.setTimeCreated(start);
    encoder.write(fileId);

    DeviceInfoMesg device = new DeviceInfoMesg();
    device.setTimestamp(start);
    device.setDeviceIndex((short) 0);
    device.setManufacturer(Manufacturer.DEVELOPMENT);
    device.setProduct(PRODUCT);
    device.setSerialNumber(SERIAL_NUMBER);
    device.setSoftwareVersion(1.0f);
    device.setProductName("wearflow generator");
    encoder.write(device);

    encoder.write(timerEvent(start, EventType.START));
    List<Range> laps = activity.laps();
    int lapIndex = 0;
    for (int i = 0; i < samples.size(); i++) {
      encoder.write(record(samples.get(i)));
      if (i == laps.get(lapIndex).to() - 1) {
        encoder.write(lap(activity, laps.get(lapIndex), lapIndex));
        lapIndex++;
      }
    }
    encoder.write(timerEvent(end, EventType.STOP_ALL));

    float elapsed = samples.size();
    SessionMesg session = new SessionMesg();
    session.setTimestamp(end);
    session.setStartTime(start);
    session.setEvent(Event.SESSION);
    session.setEventType(EventType.STOP);
    session.setTrigger(SessionTrigger.ACTIVITY_END);
    session.setSport(activity.session().kind().isRide() ? Sport.CYCLING : Sport.RUNNING);
    session.setSubSport(activity.session().kind().isRide() ? SubSport.ROAD : SubSport.STREET);
    session.setTotalElapsedTime(elapsed);
    session.setTotalTimerTime(elapsed);
    session.setTotalDistance((float) activity.distance());
    session.setFirstLapIndex(0);
    session.setNumLaps(laps.size());
    encoder.write(session);

    ActivityMesg summary = new ActivityMesg();
    summary.setTimestamp(end);
    summary.setTotalTimerTime(elapsed);
    summary.setNumSessions(1);
    summary.setType(Activity.MANUAL);
    summary.setEvent(Event.ACTIVITY);
    summary.setEventType(EventType.STOP);
    summary.setLocalTimestamp(end.getTimestamp() + activity.localOffset().getTotalSeconds());
    encoder.write(summary);
    return encoder.close();
  }

  private static EventMesg timerEvent(DateTime at, EventType type) {
    EventMesg event = new EventMesg();
    event.setTimestamp(at);
    event.setEvent(Event.TIMER);
    event.setEventType(type);
    event.setTimerTrigger(TimerTrigger.MANUAL);
    return event;
  }

  private static RecordMesg record(Sample sample) {
    RecordMesg record = new RecordMesg();
    record.setTimestamp(new DateTime(sample.timestamp()));
    if (sample.power() != null) {
      record.setPower(sample.power());
    }
    record.setHeartRate((short) sample.heartRate());
    record.setEnhancedSpeed((float) sample.speed());
    record.setCadence((short) sample.cadence());
    record.setEnhancedAltitude((float) sample.altitude());
    record.setDistance((float) sample.distance());
    record.setTemperature((byte) sample.temperature());
    return record;
  }

  private static LapMesg lap(GeneratedActivity activity, Range range, int index) {
    List<Sample> samples = activity.samples().subList(range.from(), range.to());
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    LapMesg lap = new LapMesg();
    lap.setMessageIndex(index);
    lap.setTimestamp(new DateTime(last.timestamp()));
    lap.setStartTime(new DateTime(first.timestamp()));
    lap.setEvent(Event.LAP);
    lap.setEventType(EventType.STOP);
    lap.setLapTrigger(activity.session().kind().isRide() ? LapTrigger.MANUAL : LapTrigger.DISTANCE);
    lap.setSport(activity.session().kind().isRide() ? Sport.CYCLING : Sport.RUNNING);
    lap.setTotalElapsedTime((float) samples.size());
    lap.setTotalTimerTime((float) samples.size());
    double before = range.from() == 0 ? 0 : activity.samples().get(range.from() - 1).distance();
    lap.setTotalDistance((float) (last.distance() - before));
    lap.setAvgHeartRate(
        (short) Math.round(samples.stream().mapToInt(Sample::heartRate).average().orElse(0)));
    lap.setMaxHeartRate((short) samples.stream().mapToInt(Sample::heartRate).max().orElse(0));
    if (first.power() != null) {
      lap.setAvgPower(
          (int) Math.round(samples.stream().mapToInt(Sample::power).average().orElse(0)));
      lap.setMaxPower(samples.stream().mapToInt(Sample::power).max().orElse(0));
    }
    return lap;
  }
}

package io.wearflow.jobs.timeframe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A generated 45-minute half at 10 Hz (device speed for the first 25 minutes, positions only after;
 * heart rate at 1 Hz; two holes in the frames; frames before and after the timeframe), checked
 * against a straightforward batch recomputation from the raw frames written from the definitions,
 * not from the streaming classes.
 */
class TimeframeMetricsBruteForceTest {

  private static final long START = 1_700_000_000_000L;
  private static final long END = START + 45 * 60_000;
  private static final TimeframeParams PARAMS = TimeframeParams.DEFAULTS;
  private static final double EPS = 1e-6;

  @Test
  void aWholeHalfMatchesTheBatchComputation() throws Exception {
    List<Frame> frames = half();
    TimeframeMetrics metrics = new TimeframeMetrics(START, END, PARAMS);
    int middle = frames.size() / 2;
    for (int i = 0; i < middle; i++) {
      metrics.add(frames.get(i));
    }
    // live: a snapshot at any moment is the result of the frames so far
    check(metrics.snapshot(0), Batch.of(frames.subList(0, middle)));
    // a checkpoint in the middle of the half changes nothing
    metrics = roundTrip(metrics);
    for (int i = middle; i < frames.size(); i++) {
      metrics.add(frames.get(i));
    }

    ComputedData data = metrics.snapshot(END);
    Batch batch = Batch.of(frames);
    check(data, batch);
    // the generated half is realistic enough to exercise every metric
    assertThat(data.totalDistance()).isBetween(3_000.0, 12_000.0);
    assertThat(data.sprint().get(0).values()).hasSizeGreaterThan(5);
    assertThat(data.accelerations().get(1).values()).isNotEmpty();
    assertThat(data.decelerations().get(1).values()).isNotEmpty();
    assertThat(data.intensity().distance()).hasSize(9);
  }

  private static void check(ComputedData data, Batch batch) {
    assertThat(data.firstTimestamp()).isEqualTo(batch.first);
    assertThat(data.lastTimestamp()).isEqualTo(batch.last);
    assertThat(data.totalDistance()).isCloseTo(batch.distance, within(EPS));
    assertThat(data.averageSpeed()).isCloseTo(batch.distance * 1000 / batch.covered, within(EPS));
    assertThat(data.maxSpeed()).isCloseTo(batch.maxSpeed, within(EPS));
    checkEvents(data.accelerations(), batch.events(PARAMS.accelerationThresholds(), 1));
    checkEvents(data.decelerations(), batch.events(PARAMS.decelerationThresholds(), -1));
    checkEvents(data.sprint(), batch.events(PARAMS.sprintThresholds(), 0));
    checkEvents(data.hid(), batch.events(PARAMS.hidThresholds(), 0));
    List<SpeedRange> ranges = data.speedRanges();
    for (int band = 0; band < ranges.size(); band++) {
      assertThat(ranges.get(band).durationMillis()).isEqualTo(batch.bandMillis[band]);
      assertThat(ranges.get(band).distance()).isCloseTo(batch.bandMetres[band], within(EPS));
    }
    assertThat(data.intensity().distance()).hasSize(batch.spans.size());
    for (int span = 0; span < batch.spans.size(); span++) {
      assertThat(data.intensity().distance().get(span))
          .isCloseTo(batch.spans.get(span), within(EPS));
    }
    assertThat(data.hrMin()).isEqualTo(batch.hrMin);
    assertThat(data.hrMax()).isEqualTo(batch.hrMax);
    assertThat(data.hrAvg()).isCloseTo(batch.hrAvg, within(EPS));
    assertThat(data.athleteMaxHr()).isEqualTo(batch.hrMax);
    assertThat(data.timePerHrZone())
        .extracting(HrZone::durationMillis)
        .containsExactly(box(batch.zoneMillis));
  }

  private static void checkEvents(List<ThresholdEvents> actual, List<List<double[]>> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int k = 0; k < expected.size(); k++) {
      List<ThresholdEvent> events = actual.get(k).values();
      assertThat(events).hasSameSizeAs(expected.get(k));
      for (int e = 0; e < events.size(); e++) {
        double[] want = expected.get(k).get(e);
        ThresholdEvent got = events.get(e);
        assertThat(got.startTime()).isEqualTo((long) want[0]);
        assertThat(got.durationMillis()).isEqualTo((long) want[1]);
        assertThat(got.maxValue()).isCloseTo(want[2], within(EPS));
        assertThat(got.distance()).isCloseTo(want[3], within(EPS));
        if (got.initialSpeed() != null) {
          assertThat(got.initialSpeed()).isCloseTo(want[4], within(EPS));
          assertThat(got.endSpeed()).isCloseTo(want[5], within(EPS));
        }
      }
    }
  }

  /** The definitions of the metrics applied to the whole list of frames at once. */
  private static final class Batch {
    long first;
    long last;
    double distance;
    long covered;
    double maxSpeed;
    long[] bandMillis = new long[PARAMS.speedRanges().size()];
    double[] bandMetres = new double[PARAMS.speedRanges().size()];
    List<Double> spans = new ArrayList<>();
    double hrMin = Double.MAX_VALUE;
    double hrMax;
    double hrAvg;
    long[] zoneMillis = new long[PARAMS.hrZones().size() - 1];
    // per segment: start, end, distance, start speed, end speed
    final List<double[]> segments = new ArrayList<>();

    static Batch of(List<Frame> all) {
      List<Frame> in = new ArrayList<>();
      for (Frame frame : all) {
        if (frame.timestamp() >= START && frame.timestamp() <= END) {
          in.add(frame);
        }
      }
      Batch b = new Batch();
      int n = in.size();
      b.first = in.get(0).timestamp();
      b.last = in.get(n - 1).timestamp();
      long[] t = new long[n];
      int[] run = new int[n];
      double[] raw = new double[n];
      double[] smooth = new double[n];
      for (int i = 0; i < n; i++) {
        Frame f = in.get(i);
        t[i] = f.timestamp();
        run[i] = i > 0 && t[i] - t[i - 1] <= PARAMS.maxGapMillis() ? run[i - 1] : i;
        if (f.speed() != null) {
          raw[i] = f.speed();
        } else if (i > 0 && run[i] == run[i - 1]) {
          Frame p = in.get(i - 1);
          raw[i] = Math.hypot(f.x() - p.x(), f.y() - p.y()) * 1000.0 / (t[i] - t[i - 1]);
        } else {
          raw[i] = Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (int j = i;
            j >= 0 && run[j] == run[i] && t[j] > t[i] - PARAMS.smoothingWindowMillis();
            j--) {
          if (!Double.isNaN(raw[j])) {
            sum += raw[j];
            count++;
          }
        }
        smooth[i] = count == 0 ? Double.NaN : sum / count;
        if (count > 0) {
          b.maxSpeed = Math.max(b.maxSpeed, smooth[i]);
        }
      }
      for (int i = 1; i < n; i++) {
        if (run[i] != run[i - 1]) {
          continue;
        }
        Frame p = in.get(i - 1);
        Frame f = in.get(i);
        double d =
            p.speed() != null && f.speed() != null
                ? (p.speed() + f.speed()) / 2 * (t[i] - t[i - 1]) / 1000.0
                : Math.hypot(f.x() - p.x(), f.y() - p.y());
        b.segments.add(new double[] {t[i - 1], t[i], d, smooth[i - 1], smooth[i]});
        b.distance += d;
        b.covered += t[i] - t[i - 1];
        int band = 0;
        for (int k = 0; k < PARAMS.speedRanges().size(); k++) {
          if (smooth[i] >= PARAMS.speedRanges().get(k)) {
            band = k;
          }
        }
        b.bandMillis[band] += t[i] - t[i - 1];
        b.bandMetres[band] += d;
        int span = (int) ((t[i - 1] - START) / PARAMS.intensitySpanMillis());
        while (b.spans.size() <= span) {
          b.spans.add(0.0);
        }
        b.spans.set(span, b.spans.get(span) + d);
      }
      double hrSum = 0;
      int hrCount = 0;
      long lastHrTime = -1;
      double lastHr = 0;
      List<long[]> held = new ArrayList<>();
      for (Frame f : in) {
        if (f.heartRate() == null) {
          continue;
        }
        double hr = f.heartRate();
        hrSum += hr;
        hrCount++;
        b.hrMin = Math.min(b.hrMin, hr);
        b.hrMax = Math.max(b.hrMax, hr);
        if (lastHrTime >= 0 && f.timestamp() - lastHrTime <= PARAMS.maxGapMillis()) {
          held.add(new long[] {(long) lastHr, f.timestamp() - lastHrTime});
        }
        lastHrTime = f.timestamp();
        lastHr = hr;
      }
      b.hrAvg = hrSum / hrCount;
      for (long[] h : held) {
        double percent = 100.0 * h[0] / b.hrMax;
        int zone = 0;
        for (int k = 0; k < b.zoneMillis.length; k++) {
          if (percent >= PARAMS.hrZones().get(k)) {
            zone = k;
          }
        }
        b.zoneMillis[zone] += h[1];
      }
      return b;
    }

    /**
     * Events per threshold as {start, duration, extreme, distance, initial, end}. mode 0: speed at
     * least the threshold; 1: acceleration at least; -1: acceleration at most minus.
     */
    List<List<double[]>> events(List<Double> thresholds, int mode) {
      List<List<double[]>> all = new ArrayList<>();
      long min =
          mode == 0
              ? (thresholds == PARAMS.sprintThresholds()
                  ? PARAMS.sprintMinDurationMillis()
                  : PARAMS.hidMinDurationMillis())
              : PARAMS.accelerationMinDurationMillis();
      for (double threshold : thresholds) {
        List<double[]> events = new ArrayList<>();
        double[] open = null;
        double[] previous = null;
        for (double[] s : segments) {
          double value = mode == 0 ? s[4] : (s[4] - s[3]) * 1000 / (s[1] - s[0]);
          boolean passes =
              mode == 0 ? value >= threshold : mode > 0 ? value >= threshold : value <= -threshold;
          boolean contiguous = previous != null && previous[1] == s[0];
          if (open != null && (!passes || !contiguous)) {
            if (open[1] >= min) {
              events.add(open);
            }
            open = null;
          }
          if (passes) {
            if (open == null) {
              open = new double[] {s[0], 0, value, 0, s[3], 0};
            }
            open[1] += s[1] - s[0];
            open[2] = mode < 0 ? Math.min(open[2], value) : Math.max(open[2], value);
            open[3] += s[2];
            open[5] = s[4];
          }
          previous = s;
        }
        if (open != null && open[1] >= min) {
          events.add(open);
        }
        all.add(events);
      }
      return all;
    }
  }

  /** 10 Hz frames from 30 s before the start to 30 s after the end. */
  private static List<Frame> half() {
    Random random = new Random(7);
    List<Frame> frames = new ArrayList<>();
    double x = 0;
    double y = 0;
    double v = 0;
    double heading = 0;
    double target = 0;
    double rate = 2;
    double hr = 120;
    for (long t = START - 30_000; t <= END + 30_000; t += 100) {
      long sinceStart = t - START;
      if (sinceStart % 3_000 == 0) {
        double pick = random.nextDouble();
        target =
            pick < 0.7
                ? 4 * random.nextDouble()
                : pick < 0.9 ? 4 + 2 * random.nextDouble() : 6 + 2.5 * random.nextDouble();
        rate = 1 + 5 * random.nextDouble();
      }
      v += Math.max(-rate * 0.1, Math.min(rate * 0.1, target - v));
      heading += random.nextGaussian() * 0.05;
      x += v * 0.1 * Math.cos(heading);
      y += v * 0.1 * Math.sin(heading);
      boolean hole =
          (sinceStart > 10 * 60_000 && sinceStart < 10 * 60_000 + 3_000)
              || (sinceStart > 20 * 60_000 && sinceStart < 20 * 60_000 + 2_000)
              || (sinceStart > 30 * 60_000 && sinceStart < 30 * 60_000 + 2_050);
      if (hole) {
        continue;
      }
      Double speed =
          sinceStart < 25 * 60_000 ? Math.max(0, v + 0.05 * random.nextGaussian()) : null;
      Double heart = null;
      boolean heartHole = sinceStart > 40 * 60_000 && sinceStart < 40 * 60_000 + 5_000;
      if (t % 1_000 == 0 && !heartHole) {
        hr = Math.max(90, Math.min(195, hr + (v * 6 + 110 - hr) * 0.05 + random.nextGaussian()));
        heart = (double) Math.round(hr);
      }
      frames.add(
          Frame.metres(
              t, x + 0.02 * random.nextGaussian(), y + 0.02 * random.nextGaussian(), speed, heart));
    }
    return frames;
  }

  private static TimeframeMetrics roundTrip(TimeframeMetrics metrics)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(metrics);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (TimeframeMetrics) in.readObject();
    }
  }

  private static Long[] box(long[] values) {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}

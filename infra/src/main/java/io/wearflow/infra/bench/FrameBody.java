package io.wearflow.infra.bench;

import io.wearflow.infra.simulate.match.PlayerTrack;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON body of one {@code POST /v1/devices/{device}/frames}, written straight into a reusable
 * byte buffer: {@code {"frames":[{"timestamp":..,"x":..,"y":..,"speed":..,"heart_rate":..},..]}}.
 * The simulated values are already rounded ({@link PlayerTrack}: positions to 0.01 m, speed to
 * 0.001 m/s, heart rate to 0.1 bpm), so they are written exactly as fixed-point decimals, without a
 * Jackson tree or {@code Double.toString} (the load generator shares the machine with the stack it
 * measures). Not thread-safe: one per sender.
 */
final class FrameBody {

  private static final byte[] OPEN = ascii("{\"frames\":[");
  private static final byte[] TIMESTAMP = ascii("{\"timestamp\":");
  private static final byte[] X = ascii(",\"x\":");
  private static final byte[] Y = ascii(",\"y\":");
  private static final byte[] SPEED = ascii(",\"speed\":");
  private static final byte[] HEART_RATE = ascii(",\"heart_rate\":");

  private byte[] bytes = new byte[1024];
  private int length;
  private int frames;

  /** Starts a new body. */
  FrameBody clear() {
    length = 0;
    frames = 0;
    append(OPEN);
    return this;
  }

  /** Adds one frame. */
  FrameBody add(PlayerTrack.Point p) {
    if (frames++ > 0) {
      append((byte) ',');
    }
    append(TIMESTAMP);
    appendLong(p.timestamp());
    append(X);
    appendDecimal(p.x(), 2);
    append(Y);
    appendDecimal(p.y(), 2);
    append(SPEED);
    appendDecimal(p.speed(), 3);
    append(HEART_RATE);
    appendDecimal(p.heartRate(), 1);
    append((byte) '}');
    return this;
  }

  /** Frames added since {@link #clear}. */
  int frames() {
    return frames;
  }

  /** Closes the body: the bytes are {@code bytes()[0, length())}. */
  FrameBody finish() {
    append((byte) ']');
    append((byte) '}');
    return this;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.US_ASCII);
  }

  /** {@code value} rounded to {@code decimals} places, written without trailing zeros. */
  private void appendDecimal(double value, int decimals) {
    long scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    long scaled = Math.round(value * scale);
    if (scaled < 0) {
      append((byte) '-');
      scaled = -scaled;
    }
    appendLong(scaled / scale);
    long fraction = scaled % scale;
    if (fraction == 0) {
      return;
    }
    append((byte) '.');
    for (long digit = scale / 10; digit > 0 && fraction > 0; digit /= 10) {
      append((byte) ('0' + fraction / digit));
      fraction %= digit;
    }
  }

  private void appendLong(long value) {
    if (value < 0) {
      append((byte) '-');
      value = -value;
    }
    if (value >= 10) {
      appendLong(value / 10);
    }
    append((byte) ('0' + value % 10));
  }

  private void append(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  private void append(byte[] chunk) {
    ensure(chunk.length);
    System.arraycopy(chunk, 0, bytes, length, chunk.length);
    length += chunk.length;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

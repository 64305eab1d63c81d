package io.wearflow.jobs.timeframe;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * State serializer for the metric objects ({@code TimeframeMetrics} and its detectors), which are
 * plain {@link Serializable} Java without a Flink type: Kryo cannot rebuild their immutable lists,
 * and the pipeline forbids generic types. Values are written length-prefixed with Java
 * serialization; a copy is a serialization round trip.
 */
final class JavaSerializer<T extends Serializable> extends TypeSerializerSingleton<T> {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("rawtypes")
  static final JavaSerializer INSTANCE = new JavaSerializer<>();

  @SuppressWarnings("unchecked")
  static <T extends Serializable> JavaSerializer<T> instance() {
    return INSTANCE;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public T createInstance() {
    return null;
  }

  @Override
  public T copy(T from) {
    if (from == null) {
      return null;
    }
    try {
      return InstantiationUtil.clone(from, Thread.currentThread().getContextClassLoader());
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot copy " + from.getClass().getName(), e);
    }
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    byte[] bytes = InstantiationUtil.serializeObject(record);
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    try {
      return InstantiationUtil.deserializeObject(
          bytes, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot read a state value", e);
    }
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>();
  }

  /** Restores the one serializer; Java serialization handles class evolution itself. */
  public static final class Snapshot<T extends Serializable>
      extends SimpleTypeSerializerSnapshot<T> {

    public Snapshot() {
      super(JavaSerializer::instance);
    }
  }
}

package io.wearflow.http.samples;

import java.util.List;
import java.util.Objects;

/** A {@code POST /api/v1.1/samples} request that passed {@link SamplesValidator}. */
public record SamplesRequest(DataType dataType, List<SampleInput> samples) {

  public SamplesRequest {
    Objects.requireNonNull(dataType, "dataType");
    samples = List.copyOf(samples);
  }
}

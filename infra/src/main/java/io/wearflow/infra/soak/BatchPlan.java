package io.wearflow.infra.soak;

/**
 * Which samples of the {@link SampleStream} batch {@code b} carries: batches go round the users
 * (batch b is user {@code d % users}'s batch number {@code d / users}, with {@code d = b %
 * distinctBatches}), each holding {@value SoakOptions#BATCH} consecutive samples of its user. After
 * {@code distinctBatches} batches the stream starts over with the same batches.
 */
record BatchPlan(SampleStream stream, long distinctBatches) {

  BatchPlan {
    if (distinctBatches < stream.users() || distinctBatches % stream.users() != 0) {
      throw new IllegalArgumentException(
          "distinct batches must be a positive multiple of the users: " + distinctBatches);
    }
  }

  int user(long batch) {
    return (int) (batch % distinctBatches % stream.users());
  }

  /** The user's index of the batch's first sample. */
  int first(long batch) {
    return Math.toIntExact(batch % distinctBatches / stream.users() * SoakOptions.BATCH);
  }

  /** The request body of the batch. */
  String json(long batch) {
    return stream.batchJson(user(batch), first(batch), SoakOptions.BATCH);
  }

  /** The ground truth of the first {@code batches} batches. */
  GroundTruth truth(long batches) {
    GroundTruth truth = new GroundTruth();
    for (long b = 0; b < Math.min(batches, distinctBatches); b++) {
      truth.addRange(stream, user(b), first(b), first(b) + SoakOptions.BATCH);
    }
    return truth;
  }
}

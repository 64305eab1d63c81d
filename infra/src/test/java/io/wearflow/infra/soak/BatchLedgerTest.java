package io.wearflow.infra.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.infra.soak.BatchLedger.Kind;
import io.wearflow.infra.soak.BatchLedger.Send;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchLedgerTest {

  private static BatchLedger noDuplicates() {
    return new BatchLedger(new Random(1), 0, 1_000, 0);
  }

  private static Send next(BatchLedger ledger) {
    return ledger.next(0).orElseThrow();
  }

  @Test
  void acknowledgedBatchIsSentAgainBeforeNewOnesWhenChosenAsDuplicate() {
    BatchLedger ledger = new BatchLedger(new Random(7), 1.0, 1_000, 0);
    ledger.createUpTo(2);
    ledger.acknowledged(next(ledger), 0);

    assertThat(next(ledger)).isEqualTo(new Send(0, Kind.DUPLICATE));
    assertThat(next(ledger)).isEqualTo(new Send(1, Kind.NEW));
  }

  @Test
  void newBatchesGoOutInOrderOnlyOnceCreated() {
    BatchLedger ledger = noDuplicates();
    assertThat(ledger.next(0)).isEmpty();
    ledger.createUpTo(2);
    assertThat(ledger.next(0)).contains(new Send(0, Kind.NEW));
    assertThat(ledger.next(0)).contains(new Send(1, Kind.NEW));
    assertThat(ledger.next(0)).isEmpty();
  }

  @Test
  void failedBatchIsResentAfterTheRetryDelayBeforeNewOnes() {
    BatchLedger ledger = noDuplicates();
    ledger.createUpTo(1);
    Send first = ledger.next(0).orElseThrow();
    ledger.failed(first, 100);
    ledger.createUpTo(2);

    assertThat(ledger.next(500)).contains(new Send(1, Kind.NEW));
    assertThat(ledger.next(1_099)).isEmpty();
    assertThat(ledger.next(1_100)).contains(new Send(0, Kind.RETRY));
    assertThat(ledger.counts().retried()).isEqualTo(1);
  }

  @Test
  void batchKeepsBeingResentUntilAcknowledged() {
    BatchLedger ledger = noDuplicates();
    ledger.createUpTo(1);
    long now = 0;
    Send send = ledger.next(now).orElseThrow();
    for (int attempt = 0; attempt < 3; attempt++) {
      ledger.failed(send, now);
      assertThat(ledger.allAcknowledged()).isFalse();
      now += 1_000;
      send = ledger.next(now).orElseThrow();
      assertThat(send).isEqualTo(new Send(0, Kind.RETRY));
    }
    ledger.acknowledged(send, now);

    assertThat(ledger.allAcknowledged()).isTrue();
    assertThat(ledger.next(now + 10_000)).isEmpty();
    assertThat(ledger.counts()).isEqualTo(new BatchLedger.Counts(1, 4, 1, 3, 0, 3, 0));
  }

  @Test
  void acknowledgementsCountEachBatchOnce() {
    BatchLedger ledger = new BatchLedger(new Random(7), 1.0, 1_000, 0);
    ledger.createUpTo(3);
    List<Send> sends = List.of(next(ledger), next(ledger), next(ledger));
    sends.forEach(send -> ledger.acknowledged(send, 0));
    // Every acknowledged batch is sent once more (share 1.0): those sends change no count.
    for (int i = 0; i < 3; i++) {
      Send duplicate = ledger.next(0).orElseThrow();
      assertThat(duplicate.kind()).isEqualTo(Kind.DUPLICATE);
      ledger.acknowledged(duplicate, 0);
    }

    assertThat(ledger.next(0)).isEmpty();
    BatchLedger.Counts counts = ledger.counts();
    assertThat(counts.acknowledged()).isEqualTo(3);
    assertThat(counts.duplicates()).isEqualTo(3);
    assertThat(counts.sent()).isEqualTo(6);
    assertThat(counts.waiting()).isZero();
  }

  @Test
  void failedDuplicateIsNotRetried() {
    BatchLedger ledger = new BatchLedger(new Random(7), 1.0, 1_000, 0);
    ledger.createUpTo(1);
    ledger.acknowledged(ledger.next(0).orElseThrow(), 0);
    Send duplicate = ledger.next(0).orElseThrow();
    ledger.failed(duplicate, 0);

    assertThat(ledger.next(5_000)).isEmpty();
    assertThat(ledger.allAcknowledged()).isTrue();
  }

  @Test
  void aboutTheRequestedShareOfAcknowledgedBatchesIsSentTwice() {
    BatchLedger ledger = new BatchLedger(new Random(3), 0.1, 1_000, 0);
    ledger.createUpTo(10_000);
    List<Send> sends = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      sends.add(next(ledger));
    }
    sends.forEach(send -> ledger.acknowledged(send, 0));
    int duplicates = 0;
    while (ledger.next(0).isPresent()) {
      duplicates++;
    }

    assertThat(duplicates).isBetween(900, 1_100);
  }

  @Test
  void waitingCountsCreatedBatchesNotYetAcknowledged() {
    BatchLedger ledger = noDuplicates();
    ledger.createUpTo(5);
    Send first = ledger.next(0).orElseThrow();
    ledger.next(0);
    ledger.acknowledged(first, 0);

    assertThat(ledger.counts().waiting()).isEqualTo(4);
    assertThat(ledger.isAcknowledged(0)).isTrue();
    assertThat(ledger.isAcknowledged(1)).isFalse();
  }
}

package io.wearflow.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void figuresAreJudgedAgainstTheirTargets() {
    assertThat(Figure.of("a", 0.6, "x", Figure.Target.atLeast(0.5)).verdict()).isEqualTo("pass");
    assertThat(Figure.of("a", 0.4, "x", Figure.Target.atLeast(0.5)).verdict()).isEqualTo("miss");
    assertThat(Figure.of("b", 51, "ms", Figure.Target.atMost(50)).verdict()).isEqualTo("miss");
    assertThat(Figure.of("b", 50, "ms", Figure.Target.atMost(50)).verdict()).isEqualTo("pass");
    assertThat(Figure.of("c", 1, "MB").verdict()).isEqualTo("-");
    assertThat(Figure.notYet("d", "ms", Figure.Target.atMost(50), "needs issue 4").verdict())
        .isEqualTo("n/a");
  }

  @Test
  void machineLinesCarryNameValueUnitAndVerdict() {
    assertThat(ResultTable.machineLine(Figure.of("ingest.samples_per_s", 12345.4, "samples/s")))
        .isEqualTo("BENCH name=ingest.samples_per_s value=12345 unit=samples/s");
    assertThat(
            ResultTable.machineLine(
                Figure.of("ingest.half_rate.p99_ms", 61.91, "ms", Figure.Target.atMost(50))))
        .isEqualTo(
            "BENCH name=ingest.half_rate.p99_ms value=61.91 unit=ms target=\"<= 50\" status=miss");
    assertThat(
            ResultTable.machineLine(
                Figure.notYet("live.p99_ms", "ms", Figure.Target.atMost(250), "needs issue 4")))
        .isEqualTo("BENCH name=live.p99_ms value=NaN unit=ms target=\"<= 250\" status=not-yet");
  }

  @Test
  void tableAlignsColumnsAndSaysWhatIsNotMeasuredYet() {
    ResultTable table = new ResultTable();
    table.add(Figure.of("parquet.ratio", 0.087, "x", Figure.Target.atLeast(0.5)));
    table.add(Figure.notYet("live.p99_ms", "ms", Figure.Target.atMost(250), "needs issue 4"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "figure         value  unit  target    result  note",
            "parquet.ratio  0.087  x     >= 0.500  miss",
            "live.p99_ms        -  ms    <= 250    n/a     not yet: needs issue 4");
  }

  @Test
  void valuesAreFormattedWithSensiblePrecision() {
    assertThat(Figure.format(244631.7)).isEqualTo("244632");
    assertThat(Figure.format(497.04)).isEqualTo("497.0");
    assertThat(Figure.format(21.923)).isEqualTo("21.92");
    assertThat(Figure.format(0.2291)).isEqualTo("0.229");
    assertThat(Figure.format(2)).isEqualTo("2");
  }
}

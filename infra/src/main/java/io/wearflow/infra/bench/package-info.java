/**
 * {@code ./wearflow bench}: the benchmark suite of issue 6. Each benchmark puts one kind of load on
 * a local stack started for the run (or, for the HTTP figures, on a running one) and reports its
 * figures next to a ceiling measured on the same machine in the same run (Kafka's raw producer, a
 * plain Java loop, DuckDB), so that the ratios stay meaningful on a noisy shared machine.
 * Benchmarks are not tests: nothing here runs in {@code ./wearflow test} or fails a build.
 */
package io.wearflow.infra.bench;

/**
 * The local stack behind {@code ./wearflow up}: {@link io.wearflow.infra.LocalStack} starts the
 * embedded servers of the sub-packages, the Flink jobs and the HTTP edge in one JVM (plus the
 * schema registry's child JVM), with all data under one directory.
 */
package io.wearflow.infra;

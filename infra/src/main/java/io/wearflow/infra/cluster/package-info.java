/**
 * Cluster mode on loopback: a standalone Flink session cluster (a JobManager and a TaskManager,
 * each its own JVM, started from Flink's runtime jars) and a client of Flink's REST API to upload
 * the jobs jar, run its jobs and watch them, as a real deployment would.
 */
package io.wearflow.infra.cluster;

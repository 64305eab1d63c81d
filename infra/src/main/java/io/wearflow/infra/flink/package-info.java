/**
 * A long-lived Flink MiniCluster that runs wearflow's jobs in-process and resumes each from its
 * newest retained checkpoint.
 */
package io.wearflow.infra.flink;

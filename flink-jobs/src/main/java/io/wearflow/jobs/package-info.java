/** wearflow's Flink jobs, one package each, and what they share ({@link JobOptions}). */
package io.wearflow.jobs;

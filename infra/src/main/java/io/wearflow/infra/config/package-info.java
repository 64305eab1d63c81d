/**
 * wearflow's configuration: one loader reads defaults, an optional properties file and {@code
 * WEARFLOW_*} environment variables into an immutable, validated record tree.
 */
package io.wearflow.infra.config;

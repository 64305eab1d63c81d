/** A client of wearflow's HTTP API used by the command-line tools. */
package io.wearflow.infra.client;

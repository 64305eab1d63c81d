/** An embedded PostgreSQL server whose data survives restarts. */
package io.wearflow.infra.postgres;

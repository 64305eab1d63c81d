/** {@code ./wearflow query}: SQL over the Parquet exports without installing DuckDB. */
package io.wearflow.infra.query;

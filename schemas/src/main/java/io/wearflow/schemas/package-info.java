/**
 * The single source of truth for wearflow's data: Avro schemas under {@code src/main/avro}, the
 * classes generated from them, and the {@link io.wearflow.schemas.Topics} catalogue.
 */
package io.wearflow.schemas;

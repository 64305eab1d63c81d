/** Strict JSON reading: one ObjectMapper, bounded bodies, parse errors with a location. */
package io.wearflow.http.json;

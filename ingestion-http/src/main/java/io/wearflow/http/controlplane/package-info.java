/**
 * The control plane of live sports matches ({@code /v1/...}, contract {@code
 * live-timeframes-api.txt}): permissions athletes grant managers, the JSON schemas per sport, and
 * the pieces later endpoints share: {@link io.wearflow.http.controlplane.PermissionPolicy} (who may
 * do what), {@link io.wearflow.http.controlplane.ListQuery} and {@link
 * io.wearflow.http.controlplane.Page} (the list envelope), {@link
 * io.wearflow.http.controlplane.SchemaDocumentValidator} (params and json against a schema).
 */
package io.wearflow.http.controlplane;

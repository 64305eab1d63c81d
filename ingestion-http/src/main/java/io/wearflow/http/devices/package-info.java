/**
 * A manager's tracking devices ({@code /v1/devices/}) and the live tracking frames their owner
 * posts ({@code POST /v1/devices/{device}/frames}), validated and written to the {@code tracking}
 * topic.
 */
package io.wearflow.http.devices;

/**
 * Simulators behind {@code ./wearflow simulate}: realistic clients of a running wearflow that also
 * compute, independently, what wearflow must answer.
 */
package io.wearflow.infra.simulate;

/**
 * {@code ./wearflow simulate match}: two teams of simulated players wearing 10 Hz tracking devices,
 * set up through the control-plane API (manager, managed athletes, devices, activity, timeframes)
 * and streamed live to the edge; the final computed data is compared with the simulator's own
 * computation over the frames it sent.
 */
package io.wearflow.infra.simulate.match;

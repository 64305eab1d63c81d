/**
 * {@code ./wearflow soak}: the long crash-recovery run of issue 7. It runs the local stack as its
 * own JVM, streams a deterministic sample stream through the HTTP edge while killing the stack with
 * SIGKILL at intervals, and at the end compares the user_day table and the Parquet exports with the
 * stream's ground truth computed here in plain Java. The pieces (the stream, the stack process, the
 * stored results) are also what the crash-recovery tests use.
 */
package io.wearflow.infra.soak;

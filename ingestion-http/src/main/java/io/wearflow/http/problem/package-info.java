/**
 * The error model of the edge: typed exceptions ({@link io.wearflow.http.problem.ApiException},
 * {@link io.wearflow.http.problem.ValidationException}) carrying RFC 9457 problem details and field
 * errors with JSON pointers.
 */
package io.wearflow.http.problem;

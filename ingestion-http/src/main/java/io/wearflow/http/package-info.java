/**
 * The HTTP edge of wearflow: {@link io.wearflow.http.HttpApp} builds the Javalin app from {@link
 * io.wearflow.http.HttpDependencies} and {@link io.wearflow.http.HttpConfig}. Sub-packages hold one
 * API area each (validators and request-to-Avro conversion as plain classes, handlers as thin
 * adapters), the problem+json error model, JSON reading and authentication.
 */
package io.wearflow.http;

/** Small network helpers shared by the embedded servers. */
package io.wearflow.infra.net;

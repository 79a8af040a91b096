package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.auth.BasicAuth;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP side runs.
 *
 * @param listeners the listener URIs ({@code http://host:port}, {@code https://host:port}; port 0 = random)
 * @param tls the TLS settings for {@code https} listeners; null when there is none
 * @param auth the basic-auth check, or null when authentication is off
 * @param maxRequestBytes the largest request body accepted (413 above)
 * @param bodyMemoryBytes the most body bytes held at once beyond each body's free allowance; at least
 *     {@code maxRequestBytes}
 * @param timeout how long a store write or catch-up may take ({@code kafkastore.timeout.ms})
 * @param writerWait how long a write waits for a writer that is unknown, unreachable or taking over
 * @param connections the limits that keep slow or numerous clients from exhausting the server
 * @param version the version {@code /v1/metadata/version} answers
 * @param commitId the commit id {@code /v1/metadata/version} answers
 */
public record HttpSettings(
        List<URI> listeners,
        TlsSettings tls,
        BasicAuth auth,
        int maxRequestBytes,
        long bodyMemoryBytes,
        Duration timeout,
        Duration writerWait,
        ConnectionLimits connections,
        String version,
        String commitId) {

    /** Copies the listeners. */
    public HttpSettings {
        listeners = List.copyOf(listeners);
    }

    /**
     * What bounds the clients' connections (Confluent's and Jetty's names in parentheses).
     *
     * @param idleTimeout how long a connection, or a request body, may go without a byte ({@code idle.timeout.ms})
     * @param headerTimeout how long a client may take to send a request's headers ({@code
     *     request.header.timeout.ms})
     * @param minRequestDataRate the slowest a request body may arrive, bytes per second; 0 for no minimum ({@code
     *     request.min.data.rate}, Jetty's {@code minRequestDataRate})
     * @param maxRequestHeaderBytes the largest request line and headers ({@code max.request.header.size})
     * @param maxConnections the most connections open at once; 0 for no limit ({@code server.connection.limit})
     * @param maxThreads the most threads serving requests ({@code thread.pool.max})
     */
    public record ConnectionLimits(
            Duration idleTimeout,
            Duration headerTimeout,
            long minRequestDataRate,
            int maxRequestHeaderBytes,
            int maxConnections,
            int maxThreads) {}

    /**
     * TLS settings of the {@code https} listeners (Confluent's {@code ssl.*} keys).
     *
     * @param keystoreLocation the keystore path; never null
     * @param keystorePassword its password; never null
     * @param keystoreType {@code PKCS12} or {@code JKS}
     * @param keyPassword the key's password, or null for the keystore password
     * @param truststoreLocation a truststore for client certificates, or null
     * @param truststorePassword its password, or null
     * @param clientAuth {@code NONE}, {@code REQUESTED} or {@code REQUIRED}
     */
    public record TlsSettings(
            String keystoreLocation,
            String keystorePassword,
            String keystoreType,
            String keyPassword,
            String truststoreLocation,
            String truststorePassword,
            String clientAuth) {

        @Override
        public String toString() {
            return "TlsSettings{keystore=" + keystoreLocation + ", type=" + keystoreType + ", clientAuth=" + clientAuth
                    + "}";
        }
    }
}

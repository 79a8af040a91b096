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
 * @param timeout how long a forwarded request or a store catch-up may take
 * @param version the version {@code /v1/metadata/version} answers
 * @param commitId the commit id {@code /v1/metadata/version} answers
 */
public record HttpSettings(
        List<URI> listeners,
        TlsSettings tls,
        BasicAuth auth,
        long maxRequestBytes,
        Duration timeout,
        String version,
        String commitId) {

    /** Copies the listeners. */
    public HttpSettings {
        listeners = List.copyOf(listeners);
    }

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

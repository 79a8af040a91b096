package dev.eventcontracts.server.internal.http;

import java.util.Locale;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the Jetty connectors of the listeners, plain and TLS, with the connection limits of the settings. */
final class Tls {

    private Tls() {}

    static Connector plain(
            Server server, HttpConfiguration config, String host, int port, HttpSettings.ConnectionLimits limits) {
        ServerConnector connector =
                new ServerConnector(server, new GuardedConnectionFactory(config, limits.headerTimeout()));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        return connector;
    }

    static Connector secure(
            Server server,
            HttpConfiguration config,
            String host,
            int port,
            HttpSettings.TlsSettings tls,
            HttpSettings.ConnectionLimits limits) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystoreLocation());
        ssl.setKeyStorePassword(tls.keystorePassword());
        ssl.setKeyStoreType(tls.keystoreType());
        if (tls.keyPassword() != null) {
            ssl.setKeyManagerPassword(tls.keyPassword());
        }
        if (tls.truststoreLocation() != null) {
            ssl.setTrustStorePath(tls.truststoreLocation());
            ssl.setTrustStorePassword(tls.truststorePassword());
        }
        switch (tls.clientAuth().toUpperCase(Locale.ROOT)) {
            case "REQUIRED" -> ssl.setNeedClientAuth(true);
            case "REQUESTED" -> ssl.setWantClientAuth(true);
            default -> {
                // no client certificates
            }
        }
        HttpConfiguration https = new HttpConfiguration(config);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        https.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, "http/1.1"),
                new GuardedConnectionFactory(https, limits.headerTimeout()));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        return connector;
    }
}

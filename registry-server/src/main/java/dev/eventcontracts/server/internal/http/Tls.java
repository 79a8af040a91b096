package dev.eventcontracts.server.internal.http;

import java.util.Locale;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the Jetty connectors of the listeners, plain and TLS. */
final class Tls {

    private Tls() {}

    static Connector plain(Server server, HttpConfiguration config, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new LingeringConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    static Connector secure(
            Server server, HttpConfiguration config, String host, int port, HttpSettings.TlsSettings tls) {
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
                server, new SslConnectionFactory(ssl, "http/1.1"), new LingeringConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}

package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An https listener from Confluent's {@code ssl.*} settings, with a keystore made by the JDK's keytool. */
@Tag("integration")
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class TlsIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    @Test
    void httpsListener_servesTheApiOverTls() throws Exception {
        Path keystore = keystore();
        try (RegistryServer server = TestServers.inMemory(Map.of(
                RegistryServerConfig.LISTENERS,
                "https://127.0.0.1:0",
                RegistryServerConfig.SSL_KEYSTORE_LOCATION,
                keystore.toString(),
                RegistryServerConfig.SSL_KEYSTORE_PASSWORD,
                PASSWORD))) {
            Rest rest = new Rest(
                    server.url(),
                    HttpClient.newBuilder().sslContext(trusting(keystore)).build());

            assertThat(server.url()).startsWith("https://");
            assertThat(rest.register("tls-value", "\"string\"").status()).isEqualTo(200);
            assertThat(rest.get("/subjects").text()).isEqualTo("[\"tls-value\"]");
        }
    }

    @Test
    void httpsListener_refusesClientsThatDoNotTrustIt() throws Exception {
        Path keystore = keystore();
        try (RegistryServer server = TestServers.inMemory(Map.of(
                RegistryServerConfig.LISTENERS,
                "https://127.0.0.1:0",
                RegistryServerConfig.SSL_KEYSTORE_LOCATION,
                keystore.toString(),
                RegistryServerConfig.SSL_KEYSTORE_PASSWORD,
                PASSWORD))) {
            Rest rest = new Rest(server.url());

            assertThatThrownBy(() -> rest.get("/"))
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        }
    }

    private Path keystore() throws Exception {
        Path keystore = dir.resolve("registry.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "registry",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}

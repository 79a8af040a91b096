package dev.eventcontracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventcontracts.client.FakeRegistry.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS against a registry whose certificate is generated with {@code keytool} for this test: trust stores,
 * client certificates (mutual TLS) and Confluent's {@code schema.registry.ssl.*} keys.
 */
class TlsTest {

    private static final String STORE_PASSWORD = "keystore-pw-1";
    private static final String TRUST_PASSWORD = "truststore-pw-2";

    @TempDir
    static Path dir;

    private static Path keyStore;
    private static Path trustStore;

    @BeforeAll
    static void generateCertificate() throws IOException, InterruptedException {
        keyStore = dir.resolve("registry.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("registry.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "registry",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "registry",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                TRUST_PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    /** The server side: presents the generated certificate and trusts only it for client certificates. */
    private static SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore, STORE_PASSWORD), STORE_PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustStore, TRUST_PASSWORD));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static FakeRegistry server(boolean needClientAuth) throws IOException, GeneralSecurityException {
        return FakeRegistry.https(serverContext(), needClientAuth)
                .on("GET", "/subjects", Reply.ok("[\"tls\"]"))
                .on("GET", "/subjects?offset=1", Reply.ok("[]"));
    }

    @Test
    void trustStoreHoldingTheServerCertificate_makesHttpsWork() throws Exception {
        try (FakeRegistry server = server(false);
                SchemaRegistryClient client = SchemaRegistries.restClient(RegistryClientConfig.builder()
                        .urls(server.url())
                        .trustStore(trustStore, TRUST_PASSWORD, "PKCS12")
                        .build())) {
            assertThat(client.subjects()).containsExactly("tls");
        }
    }

    @Test
    void withoutTrustStore_untrustedServerCertificate_failsWithoutAnswer() throws Exception {
        try (FakeRegistry server = server(false);
                SchemaRegistryClient client = SchemaRegistries.restClient(RegistryClientConfig.builder()
                        .urls(server.url())
                        .maxRetries(0)
                        .build())) {
            RegistryException e = catchThrowableOfType(RegistryException.class, client::subjects);

            assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
            assertThat(e.status()).isZero();
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void confluentSslKeys_presentTheClientCertificate_toAServerRequiringOne() throws Exception {
        try (FakeRegistry server = server(true)) {
            RegistryClientConfig config = RegistryClientConfig.fromConfluentProperties(Map.of(
                    "schema.registry.url",
                    server.url(),
                    "schema.registry.ssl.truststore.location",
                    trustStore.toString(),
                    "schema.registry.ssl.truststore.password",
                    TRUST_PASSWORD,
                    "schema.registry.ssl.truststore.type",
                    "PKCS12",
                    "schema.registry.ssl.keystore.location",
                    keyStore.toString(),
                    "schema.registry.ssl.keystore.password",
                    STORE_PASSWORD,
                    "schema.registry.ssl.keystore.type",
                    "pkcs12",
                    "schema.registry.ssl.key.password",
                    STORE_PASSWORD,
                    "schema.registry.ssl.endpoint.identification.algorithm",
                    "https"));
            try (SchemaRegistryClient client = SchemaRegistries.restClient(config)) {
                assertThat(client.subjects()).containsExactly("tls");
            }
            assertThat(server.lastRequest().peer()).isEqualTo("CN=localhost");
        }
    }

    @Test
    void withoutKeyStore_aServerRequiringAClientCertificate_refuses() throws Exception {
        try (FakeRegistry server = server(true);
                SchemaRegistryClient client = SchemaRegistries.restClient(RegistryClientConfig.builder()
                        .urls(server.url())
                        .maxRetries(0)
                        .trustStore(trustStore, TRUST_PASSWORD, "PKCS12")
                        .build())) {
            RegistryException e = catchThrowableOfType(RegistryException.class, client::subjects);

            assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void wrongTrustStorePassword_failsAtBuild_namingTheKeyButNotThePassword() {
        assertThatThrownBy(() -> RegistryClientConfig.builder()
                        .urls("https://127.0.0.1:1")
                        .trustStore(trustStore, "wrong-password-3", "PKCS12")
                        .build())
                .isInstanceOfSatisfying(RegistryConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("schema.registry.ssl.truststore.location");
                    assertThat(e.getMessage()).contains(trustStore.toString()).doesNotContain("wrong-password-3");
                });
    }
}

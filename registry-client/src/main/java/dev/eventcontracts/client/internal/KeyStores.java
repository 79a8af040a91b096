package dev.eventcontracts.client.internal;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.RegistryClientConfig.StoreConfig;
import dev.eventcontracts.client.RegistryClientKeys;
import dev.eventcontracts.client.RegistryConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Checks TLS store settings and builds the {@link SSLContext} from them; passwords never reach a message. */
public final class KeyStores {

    private KeyStores() {}

    /**
     * Checks a store setting: the file is readable and the type is {@code JKS} or {@code PKCS12}.
     *
     * @param locationKey the Confluent key of the location, e.g. {@code schema.registry.ssl.truststore.location}
     * @param location the file
     * @param password the password, or null
     * @param type the type, or null for {@code JKS}
     * @return the checked setting with the type upper-cased
     */
    public static StoreConfig checkStore(String locationKey, Path location, String password, String type) {
        String typeKey = locationKey.replace(".location", ".type");
        if (location == null || !Files.isReadable(location) || Files.isDirectory(location)) {
            throw new RegistryConfigException(
                    locationKey,
                    locationKey + " is '" + location + "', which is not a readable file; expected a key store file");
        }
        String normalized = type == null || type.isBlank() ? "JKS" : type.trim().toUpperCase(Locale.ROOT);
        if (!normalized.equals("JKS") && !normalized.equals("PKCS12")) {
            throw new RegistryConfigException(typeKey, typeKey + " is '" + type + "'; expected JKS or PKCS12");
        }
        return new StoreConfig(location, password, normalized);
    }

    /**
     * Builds the TLS context of a configuration.
     *
     * @param config the configuration
     * @return the context, or empty when neither store is set (the JDK default then applies)
     * @throws RegistryConfigException naming the store that cannot be loaded
     */
    public static Optional<SSLContext> sslContext(RegistryClientConfig config) {
        if (config.trustStore().isEmpty() && config.keyStore().isEmpty()) {
            return Optional.empty();
        }
        TrustManager[] trust = null;
        KeyManager[] keys = null;
        if (config.trustStore().isPresent()) {
            StoreConfig store = config.trustStore().get();
            KeyStore ks = load(RegistryClientKeys.SSL_TRUSTSTORE_LOCATION, store);
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                trust = tmf.getTrustManagers();
            } catch (GeneralSecurityException e) {
                throw failed(RegistryClientKeys.SSL_TRUSTSTORE_LOCATION, store, e);
            }
        }
        if (config.keyStore().isPresent()) {
            StoreConfig store = config.keyStore().get();
            KeyStore ks = load(RegistryClientKeys.SSL_KEYSTORE_LOCATION, store);
            String keyPassword = config.keyPassword().orElse(store.password());
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, keyPassword == null ? null : keyPassword.toCharArray());
                keys = kmf.getKeyManagers();
            } catch (GeneralSecurityException e) {
                throw failed(RegistryClientKeys.SSL_KEY_PASSWORD, store, e);
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new RegistryConfigException(
                    RegistryClientKeys.SSL_TRUSTSTORE_LOCATION, "cannot initialise TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String key, StoreConfig store) {
        try (InputStream in = Files.newInputStream(store.location())) {
            KeyStore ks = KeyStore.getInstance(store.type());
            ks.load(in, store.password() == null ? null : store.password().toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw failed(key, store, e);
        }
    }

    private static RegistryConfigException failed(String key, StoreConfig store, Exception e) {
        return new RegistryConfigException(
                key,
                "cannot load " + key + " '" + store.location() + "' as " + store.type() + ": " + e.getMessage()
                        + " (check the file, its type and its password)",
                e);
    }
}

package dev.eventcontracts.compattests;

import dev.eventcontracts.client.RegistryClientConfig;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistryClient;
import java.util.concurrent.atomic.AtomicInteger;

/** What the tests of the interoperability suite share: a REST client on a registry, and names of their own. */
final class Interop {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Interop() {}

    /** A REST client on the registry at {@code url}; the caller closes it. */
    static SchemaRegistryClient client(String url) {
        return SchemaRegistries.restClient(
                RegistryClientConfig.builder().urls(url).build());
    }

    /**
     * A name no other test of this JVM or an earlier run against the same registry uses, so that tests sharing
     * a registry never meet: {@code prefix}, a counter and a time-based suffix.
     */
    static String uniqueName(String prefix) {
        return prefix + IDS.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }
}

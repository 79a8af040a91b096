package dev.eventcontracts.serde;

import dev.eventcontracts.client.RegisteredVersion;
import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry in memory ({@link SchemaRegistries#inMemory()}) as the serde's unit tests need it: every call
 * counted, and a failure that can be injected for every call.
 */
final class CountingRegistry implements SchemaRegistry {

    private final SchemaRegistry registry = SchemaRegistries.inMemory();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile RegistryException failure;

    /** Makes every following call throw this exception; null restores normal answers. */
    void failWith(RegistryException e) {
        this.failure = e;
    }

    /** Returns how many calls were made. */
    int calls() {
        return calls.get();
    }

    @Override
    public int register(String subject, AvroSchema schema, boolean normalize) {
        enter();
        return registry.register(subject, schema, normalize);
    }

    @Override
    public int idOf(String subject, AvroSchema schema, boolean normalize) {
        enter();
        return registry.idOf(subject, schema, normalize);
    }

    @Override
    public AvroSchema schemaById(int id) {
        enter();
        return registry.schemaById(id);
    }

    @Override
    public RegisteredVersion latest(String subject) {
        enter();
        return registry.latest(subject);
    }

    @Override
    public RegisteredVersion version(String subject, int version) {
        enter();
        return registry.version(subject, version);
    }

    @Override
    public void close() {
        registry.close();
    }

    private void enter() {
        calls.incrementAndGet();
        RegistryException e = failure;
        if (e != null) {
            throw e;
        }
    }
}

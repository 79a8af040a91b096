package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.serde.AvroSerdeConfig;
import dev.eventcontracts.serde.SubjectNameStrategy;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The serializer's engine. Hot path: the thread's own state remembers the {@link WriteTarget} (id, header, datum
 * writer) of the last topic and schema object it wrote, so a thread writing one kind of record reads and writes
 * only memory of its own; its reused buffer and encoder write the value. Otherwise the value's schema object is
 * looked up by identity in a per-topic copy-on-write map, one for specific and one for generic values (the same
 * schema object written both ways needs two datum writers; one map would replace its entry on every switch). No
 * registry call, no lock, no allocation beyond the result array. A new schema object goes through
 * {@link SchemaIds}, which caches by schema equality, so equal schemas share one registry call.
 */
public final class SerializerCore {

    private final boolean isKey;
    private final SubjectNameStrategy strategy;
    private final SchemaIds ids;
    private final GenericData genericModel;
    private final ConcurrentHashMap<String, Targets> byTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<WriteTarget.Buffers> buffers = ThreadLocal.withInitial(WriteTarget.Buffers::new);

    /**
     * Creates the engine.
     *
     * @param registry the registry client; never null
     * @param config the parsed configuration; never null
     * @param isKey whether it serializes record keys
     */
    public SerializerCore(SchemaRegistry registry, AvroSerdeConfig config, boolean isKey) {
        this.isKey = isKey;
        this.strategy = config.subjectNameStrategy(isKey);
        this.ids = new SchemaIds(registry, config);
        // writing accepts converted and unconverted logical values alike, so conversions are always on
        this.genericModel = Models.generic(true);
    }

    /**
     * Serializes a value in the wire format.
     *
     * @param topic the topic; never null
     * @param value the value; null gives null without a registry call
     * @return the bytes, or null for a null value
     * @throws SerializationException naming topic, subject and schema id
     */
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        Schema schema = schemaOf(topic, value);
        boolean specific = ValueSchemas.isSpecific(value);
        WriteTarget.Buffers local = buffers.get();
        WriteTarget target = local.last(topic, schema, specific);
        if (target == null) {
            target = target(topic, value, schema, specific);
            local.remember(topic, schema, target);
        }
        try {
            return target.write(value, local);
        } catch (IOException | RuntimeException e) {
            buffers.remove(); // the encoder may hold half a record
            throw Failures.serde(
                    "Error serializing Avro " + (isKey ? "key" : "value") + " of type "
                            + value.getClass().getName() + ": " + e,
                    topic,
                    target.subject,
                    target.id,
                    e);
        }
    }

    private Schema schemaOf(String topic, Object value) {
        try {
            return ValueSchemas.of(value);
        } catch (IllegalArgumentException e) {
            throw Failures.serde(e.getMessage(), topic, null, null, e);
        }
    }

    private WriteTarget target(String topic, Object value, Schema schema, boolean specific) {
        Targets targets = byTopic.get(topic);
        if (targets == null) {
            targets = byTopic.computeIfAbsent(topic, t -> new Targets());
        }
        IdentityCache<Schema, WriteTarget> cache = specific ? targets.specific() : targets.generic();
        WriteTarget target = cache.get(schema);
        if (target == null || target.expired()) {
            target = resolve(topic, value, schema, specific);
            cache.put(schema, target);
        }
        return target;
    }

    private WriteTarget resolve(String topic, Object value, Schema schema, boolean specific) {
        String subject = strategy.subjectName(topic, isKey, schema);
        AvroSchema avroSchema = AvroSchema.of(schema);
        SchemaIds.Registration registration = ids.resolve(topic, subject, avroSchema);
        // write with the value's own schema object when the registry's is equal: keeps generated coders valid
        Schema writerSchema = registration.writer().equals(avroSchema)
                ? schema
                : registration.writer().rawSchema();
        return new WriteTarget(
                subject,
                registration.id(),
                writerSchema,
                datumWriter(writerSchema, value, specific),
                specific,
                registration.ttlNanos());
    }

    /** One topic's targets by schema object: specific and generic values apart. */
    private record Targets(IdentityCache<Schema, WriteTarget> specific, IdentityCache<Schema, WriteTarget> generic) {
        Targets() {
            this(new IdentityCache<>(), new IdentityCache<>());
        }
    }

    private DatumWriter<Object> datumWriter(Schema writerSchema, Object value, boolean specific) {
        if (specific) {
            return new SpecificDatumWriter<>(writerSchema, SpecificData.getForClass(value.getClass()));
        }
        return new GenericDatumWriter<>(writerSchema, genericModel);
    }
}

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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The serializer's engine. Hot path: the value's schema object, looked up by identity in a per-topic
 * copy-on-write map, gives a {@link WriteTarget} (id, header, datum writer); the thread's reused buffer and
 * encoder write it. No registry call, no lock, no allocation beyond the result array. A new schema object
 * goes through {@link SchemaIds}, which caches by schema equality, so equal schemas share one registry call.
 */
public final class SerializerCore {

    private final boolean isKey;
    private final SubjectNameStrategy strategy;
    private final SchemaIds ids;
    private final GenericData genericModel;
    private final ConcurrentHashMap<String, IdentityCache<Schema, WriteTarget>> byTopic = new ConcurrentHashMap<>();
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
        IdentityCache<Schema, WriteTarget> targets = byTopic.get(topic);
        if (targets == null) {
            targets = byTopic.computeIfAbsent(topic, t -> new IdentityCache<>());
        }
        WriteTarget target = targets.get(schema);
        if (target == null || target.expired() || target.specific != value instanceof SpecificRecord) {
            target = resolve(topic, value, schema, targets);
        }
        try {
            return target.write(value, buffers.get());
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

    private WriteTarget resolve(String topic, Object value, Schema schema, IdentityCache<Schema, WriteTarget> targets) {
        String subject = strategy.subjectName(topic, isKey, schema);
        AvroSchema avroSchema = AvroSchema.of(schema);
        SchemaIds.Registration registration = ids.resolve(topic, subject, avroSchema);
        // write with the value's own schema object when the registry's is equal: keeps generated coders valid
        Schema writerSchema = registration.writer().equals(avroSchema)
                ? schema
                : registration.writer().rawSchema();
        boolean specific = value instanceof SpecificRecord;
        WriteTarget target = new WriteTarget(
                subject,
                registration.id(),
                writerSchema,
                datumWriter(writerSchema, value, specific),
                specific,
                registration.ttlNanos());
        targets.put(schema, target);
        return target;
    }

    private DatumWriter<Object> datumWriter(Schema writerSchema, Object value, boolean specific) {
        if (specific) {
            return new SpecificDatumWriter<>(writerSchema, SpecificData.getForClass(value.getClass()));
        }
        return new GenericDatumWriter<>(writerSchema, genericModel);
    }
}

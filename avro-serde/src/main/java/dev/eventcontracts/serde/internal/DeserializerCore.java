package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.RegistryException;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.serde.AvroSerdeConfig;
import dev.eventcontracts.serde.SubjectNameStrategy;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The deserializer's engine. Hot path: the schema id from the header selects this thread's reader (a lock-free
 * int map, no boxing), the thread's decoder is re-pointed at the payload and the datum reader, which keeps its
 * resolving decoder, reads it. A new id costs one (cached) registry call and one reader per thread.
 */
public final class DeserializerCore {

    /** Writer and reader schema of one id, shared by all threads. */
    private record Plan(String subject, Schema writer, Schema reader) {}

    private final SchemaRegistry registry;
    private final boolean isKey;
    private final SubjectNameStrategy strategy;
    private final boolean specific;
    private final Schema fixedReader;
    private final ReaderSchemas readerSchemas;
    private final SpecificData specificData;
    private final GenericData genericModel;
    private final IntCache<Plan> plans = new IntCache<>();
    private final ThreadLocal<ReadTarget.Decoders> decoders = ThreadLocal.withInitial(ReadTarget.Decoders::new);

    /**
     * Creates the engine.
     *
     * @param registry the registry client; never null
     * @param config the parsed configuration; never null
     * @param isKey whether it deserializes record keys
     * @param readerSchema a schema to read every value into, or null for the configured behaviour
     */
    public DeserializerCore(SchemaRegistry registry, AvroSerdeConfig config, boolean isKey, Schema readerSchema) {
        this.registry = registry;
        this.isKey = isKey;
        this.strategy = config.subjectNameStrategy(isKey);
        this.specific = config.specificAvroReader();
        this.fixedReader = readerSchema;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.specificData =
                new SpecificData(loader != null ? loader : getClass().getClassLoader());
        this.readerSchemas = new ReaderSchemas(specificData, config.specificType(isKey));
        this.genericModel = Models.generic(config.useLogicalTypeConverters());
        // Avro's fast reader: decoding plans built once per writer/reader pair instead of a resolving grammar
        // walked per datum; same results, less CPU per record
        specificData.setFastReaderEnabled(true);
        genericModel.setFastReaderEnabled(true);
    }

    /**
     * Deserializes wire-format bytes.
     *
     * @param topic the topic; never null
     * @param payload the bytes; null gives null
     * @return the value: a SpecificRecord, GenericRecord, enum/fixed, String, boxed primitive or byte[]
     * @throws SerializationException naming topic, subject and schema id
     */
    public Object deserialize(String topic, byte[] payload) {
        return payload == null ? null : deserialize(topic, payload, 0, payload.length);
    }

    /**
     * Deserializes wire-format bytes held in part of an array, e.g. a Kafka fetch buffer, without copying them.
     *
     * @param topic the topic; never null
     * @param array the array; never null
     * @param offset where the payload starts
     * @param length the payload's length
     * @return the value
     * @throws SerializationException naming topic, subject and schema id
     */
    public Object deserialize(String topic, byte[] array, int offset, int length) {
        if (!WireFormat.hasHeader(array, offset, length)) {
            throw Failures.serde(
                    "Unknown magic byte: expected 0x00 followed by a 4-byte schema id, got "
                            + describeStart(array, offset, length),
                    topic,
                    subjectBeforeSchema(topic),
                    null,
                    null);
        }
        int id = WireFormat.schemaId(array, offset);
        ReadTarget.Decoders local = decoders.get();
        ReadTarget target = local.readers.get(id);
        if (target == null) {
            target = newTarget(topic, id);
            local.readers.put(id, target);
        }
        try {
            return target.read(array, offset, length, local);
        } catch (IOException | RuntimeException e) {
            throw Failures.serde(
                    "Error deserializing Avro " + (isKey ? "key" : "value") + ": " + e, topic, target.subject, id, e);
        }
    }

    private ReadTarget newTarget(String topic, int id) {
        Plan plan = plans.get(id);
        if (plan == null) {
            plan = plan(topic, id);
            plans.put(id, plan);
        }
        DatumReader<Object> reader = specific
                ? new SpecificDatumReader<>(plan.writer(), plan.reader(), specificData)
                : new GenericDatumReader<>(plan.writer(), plan.reader(), genericModel);
        return new ReadTarget(plan.subject(), plan.writer(), reader);
    }

    private Plan plan(String topic, int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id).rawSchema();
        } catch (RegistryException e) {
            throw Failures.registry(e, "fetching the writer schema by id", topic, subjectBeforeSchema(topic), id);
        }
        String subject = strategy.subjectName(topic, isKey, writer);
        Schema reader = writer;
        if (fixedReader != null) {
            reader = fixedReader;
        } else if (specific) {
            try {
                reader = readerSchemas.readerFor(writer);
            } catch (IllegalStateException e) {
                throw Failures.serde(e.getMessage(), topic, subject, id, null);
            }
        }
        return new Plan(subject, writer, reader);
    }

    private String subjectBeforeSchema(String topic) {
        return strategy.usesSchema() ? null : strategy.subjectName(topic, isKey, null);
    }

    private static String describeStart(byte[] array, int offset, int length) {
        if (length == 0) {
            return "an empty payload";
        }
        return String.format("0x%02x in a payload of %d bytes", array[offset], length);
    }
}

package dev.eventcontracts.serde.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Chooses the schema a deserializer reads into with {@code specific.avro.reader=true}: the generated class's
 * schema for a named writer type (so v1 data reads into v2 classes and the reverse), for a union the union of the
 * branches' classes (each branch resolves to its own class), the writer schema for anything else.
 */
final class ReaderSchemas {

    private final SpecificData specificData;
    private final Class<?> configuredType;

    /**
     * @param specificData the model that finds generated classes by name
     * @param configuredType {@code specific.avro.key.type}/{@code value.type}, or null
     */
    ReaderSchemas(SpecificData specificData, Class<?> configuredType) {
        this.specificData = specificData;
        this.configuredType = configuredType;
    }

    /**
     * Returns the reader schema for a writer schema.
     *
     * @throws IllegalStateException when no generated class matches a named writer type
     */
    Schema readerFor(Schema writer) {
        if (configuredType != null) {
            return specificData.getSchema(configuredType);
        }
        return switch (writer.getType()) {
            case RECORD, ENUM, FIXED -> classSchema(writer, true);
            case UNION -> unionOfClasses(writer);
            default -> writer;
        };
    }

    private Schema unionOfClasses(Schema writer) {
        List<Schema> branches = new ArrayList<>();
        for (Schema branch : writer.getTypes()) {
            branches.add(
                    switch (branch.getType()) {
                        case RECORD, ENUM, FIXED -> classSchema(branch, false);
                        default -> branch;
                    });
        }
        return Schema.createUnion(branches);
    }

    private Schema classSchema(Schema named, boolean required) {
        Class<?> type = specificData.getClass(named);
        if (type == null) {
            if (required) {
                throw new IllegalStateException("Could not find class " + named.getFullName() + " specified in "
                        + "writer's schema whilst finding reader's schema for a SpecificRecord: put the "
                        + "generated class on the classpath or set specific.avro.reader=false");
            }
            return named;
        }
        return specificData.getSchema(type);
    }
}

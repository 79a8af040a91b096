package dev.eventcontracts.server.internal.service;

import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code format} query parameter of the schema-returning endpoints, with Confluent's Avro semantics
 * ({@code AvroSchema.formattedString}): absent or blank answers the stored text; {@code resolved} (any case) answers
 * the schema with every referenced named type written in full at its first use (Avro's own
 * {@code Schema.toString()} of the schema parsed together with its references), so the text parses alone;
 * {@code default} and any other value answer the canonical text, as Confluent does for forward compatibility of
 * formats. Only the {@code schema} string changes: {@code references}, {@code guid} and the rest stay as stored.
 */
public final class SchemaFormats {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaFormats.class);

    private final SchemaParsing parsing;

    /** Creates the formatter over the registry's parser (stored schemas parse through its cache). */
    public SchemaFormats(SchemaParsing parsing) {
        this.parsing = parsing;
    }

    /** Whether {@code format} asks for anything but the stored text. */
    public static boolean requested(String format) {
        return format != null && !format.isBlank();
    }

    /**
     * The schema text to answer.
     *
     * @param stored the stored text; never null
     * @param references its references; never null
     * @param format the {@code format} parameter, or null
     * @throws RegistryException 42201 when a stored schema with a format no longer parses
     */
    public String format(String stored, List<SchemaReference> references, String format) {
        if (!requested(format)) {
            return stored;
        }
        SchemaParsing.Parsed parsed = parsing.stored(stored, references);
        String wanted = format.toLowerCase(Locale.ROOT);
        if (wanted.equals("resolved")) {
            return parsed.schema().rawSchema().toString();
        }
        if (!wanted.equals("default")) {
            LOG.debug("unsupported format '{}' for an AVRO schema: answering the canonical text", format);
        }
        return parsed.canonical();
    }
}

package dev.eventcontracts.maven.internal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * AsyncAPI's official JSON Schema of AsyncAPI 3.0.0 (from {@code @asyncapi/specs}, vendored beside this class's
 * resources with its licence), and the check of a document against it with a well-kept JSON Schema library. The
 * schema is self-contained, so nothing is fetched.
 *
 * <p>The library validates the document as written, where a {@code $ref} is data: every {@code $ref} the generator
 * writes sits where AsyncAPI's schema accepts a Reference Object. What the JSON Schema cannot see (that references
 * resolve, that Avro payloads parse) the generator ensures by construction.
 */
public final class AsyncApiSchema {

    /** The classpath resource of the schema. */
    public static final String RESOURCE = "dev/eventcontracts/maven/asyncapi/asyncapi-3.0.0.schema.json";

    private final Schema schema;

    private AsyncApiSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * Loads the schema from the plugin's resources and prepares every validator, so a broken schema fails here.
     *
     * @return the schema; never null
     */
    public static AsyncApiSchema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
        try (InputStream in = AsyncApiSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The AsyncAPI 3.0.0 JSON Schema " + RESOURCE + " is missing");
            }
            Schema schema = registry.getSchema(in, InputFormat.JSON);
            schema.initializeValidators();
            return new AsyncApiSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AsyncAPI 3.0.0 JSON Schema " + RESOURCE, e);
        }
    }

    /**
     * Checks a document.
     *
     * @param document the AsyncAPI document; never null
     * @return what is wrong, each as {@code <location>: <message>}, deepest locations first and without the echoes
     *     that every failed "Reference or object" alternative adds; empty when the document is valid
     */
    public List<String> problems(JsonNode document) {
        List<Error> errors = schema.validate(document);
        List<Error> meaningful = errors.stream()
                .filter(e ->
                        !("required".equals(e.getKeyword()) && e.getMessage().contains("'$ref'")))
                .filter(e -> !"oneOf".equals(e.getKeyword()))
                .toList();
        return (meaningful.isEmpty() ? errors : meaningful)
                .stream()
                        .sorted(Comparator.comparingInt((Error e) ->
                                        -e.getInstanceLocation().toString().length())
                                .thenComparing(e -> e.getInstanceLocation().toString()))
                        .map(e -> {
                            String at = e.getInstanceLocation().toString();
                            return (at.isEmpty() ? "/" : at) + ": " + e.getMessage();
                        })
                        .distinct()
                        .toList();
    }
}

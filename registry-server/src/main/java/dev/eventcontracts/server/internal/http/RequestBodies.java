package dev.eventcontracts.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.eventcontracts.schema.SchemaReference;
import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.JsonLimits;
import dev.eventcontracts.server.internal.service.RegistryException;
import dev.eventcontracts.server.internal.service.SchemaRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request bodies as Confluent's REST layer does: malformed JSON answers 400, a value of the wrong JSON
 * type 422, unknown fields are ignored. The JSON parser's limits are the registry's ({@link JsonLimits}, strings
 * up to {@code request.max.bytes}); a body beyond one answers 422 saying which, in the registry's words.
 */
final class RequestBodies {

    private final ObjectMapper mapper;
    private final int maxStringLength;

    /**
     * Creates the reader.
     *
     * @param maxRequestBytes {@code request.max.bytes}: no string in a body can be longer
     */
    RequestBodies(int maxRequestBytes) {
        maxStringLength = maxRequestBytes;
        mapper = new ObjectMapper(JsonLimits.factory(maxStringLength));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body as a JSON object. */
    JsonNode object(Context ctx) {
        BodyReader.Body body = BodyReader.bytes(ctx);
        if (body.length() == 0) {
            throw new RegistryException(ErrorKind.UNPROCESSABLE_ENTITY, "Request body is missing");
        }
        JsonNode node;
        try {
            node = body.segments().size() == 1
                    ? mapper.readTree(body.segments().get(0))
                    : mapper.readTree(body.stream());
        } catch (StreamConstraintsException e) {
            throw new RegistryException(
                    ErrorKind.UNPROCESSABLE_ENTITY, "The request body " + JsonLimits.describe(e, maxStringLength));
        } catch (StreamReadException e) {
            throw new RegistryException(ErrorKind.MALFORMED_JSON, JsonLimits.withoutSourceNote(e.getOriginalMessage()));
        } catch (MismatchedInputException e) {
            // FAIL_ON_TRAILING_TOKENS: the only mismatch a tree can have
            throw new RegistryException(
                    ErrorKind.UNPROCESSABLE_ENTITY, "The request body holds more than one JSON value");
        } catch (JsonProcessingException e) {
            throw new RegistryException(
                    e, ErrorKind.UNPROCESSABLE_ENTITY, "The request body could not be read as JSON");
        } catch (IOException e) {
            throw new RegistryException(e, ErrorKind.MALFORMED_JSON, "The request body could not be read");
        }
        if (node == null || node.isMissingNode()) {
            throw new RegistryException(ErrorKind.UNPROCESSABLE_ENTITY, "Request body is missing");
        }
        if (!node.isObject()) {
            throw new RegistryException(
                    ErrorKind.UNPROCESSABLE_ENTITY,
                    "Cannot deserialize request from "
                            + node.getNodeType().name().toLowerCase() + " value");
        }
        return node;
    }

    /** A {@code RegisterSchemaRequest}. */
    SchemaRequest schemaRequest(Context ctx) {
        JsonNode node = object(ctx);
        return new SchemaRequest(
                text(node, "schema"),
                text(node, "schemaType"),
                references(node),
                integer(node, "id"),
                integer(node, "version"));
    }

    /** One text field of an object body, e.g. {@code compatibility} or {@code mode}; null when absent. */
    String field(Context ctx, String name) {
        return text(object(ctx), name);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw wrongType(field, "String", value);
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.valueOf(value.asText().trim());
            } catch (NumberFormatException e) {
                throw wrongType(field, "Integer", value);
            }
        }
        throw wrongType(field, "Integer", value);
    }

    private static List<SchemaReference> references(JsonNode node) {
        JsonNode refs = node.get("references");
        if (refs == null || refs.isNull()) {
            return List.of();
        }
        if (!refs.isArray()) {
            throw wrongType("references", "List<SchemaReference>", refs);
        }
        List<SchemaReference> references = new ArrayList<>(refs.size());
        for (JsonNode ref : refs) {
            if (!ref.isObject()) {
                throw wrongType("references", "SchemaReference", ref);
            }
            String name = text(ref, "name");
            String subject = text(ref, "subject");
            Integer version = integer(ref, "version");
            if (name == null || subject == null || version == null) {
                throw new RegistryException(
                        ErrorKind.INVALID_SCHEMA,
                        "Invalid schema of type AVRO, details: a reference needs a name, a subject and a version");
            }
            references.add(new SchemaReference(name, subject, version));
        }
        return references;
    }

    private static RegistryException wrongType(String field, String type, JsonNode value) {
        return new RegistryException(
                ErrorKind.UNPROCESSABLE_ENTITY,
                "Cannot deserialize value of type `" + type + "` from "
                        + value.getNodeType().name().toLowerCase() + " value (field \"" + field + "\")");
    }
}

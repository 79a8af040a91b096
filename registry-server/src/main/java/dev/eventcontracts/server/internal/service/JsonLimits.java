package dev.eventcontracts.server.internal.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Pattern;

/**
 * The limits of every JSON parser that reads client input (request bodies, schema texts), set explicitly rather
 * than inherited from the JSON library's defaults, and what a violation means in the registry's own words.
 *
 * <p>Nesting depth, number length and name length are the values Confluent's registry applies (its JSON library's
 * defaults, which Avro's schema parser inherits there too), so every schema Confluent accepts is accepted; the
 * longest string is bounded by the caller, by {@code request.max.bytes} or {@code schema.max.bytes}.
 */
public final class JsonLimits {

    /** The deepest nesting of arrays and objects. */
    public static final int MAX_NESTING_DEPTH = 1000;
    /** The longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** The longest field name, in characters. */
    public static final int MAX_NAME_LENGTH = 50_000;

    /** {@code [Source: …; line: 1, column: 2]}: the library's location note, which names its own settings. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?");

    private JsonLimits() {}

    /**
     * A JSON factory with the limits above and {@code maxStringLength} as the longest string.
     *
     * @param maxStringLength the longest string value, in characters
     * @return a new factory
     */
    public static JsonFactory factory(int maxStringLength) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxStringLength(maxStringLength)
                        .build())
                .build();
    }

    /**
     * What is wrong with the JSON, as the end of a sentence whose subject is the document, e.g. {@code "is nested
     * more than 1000 levels deep"} or {@code "is not valid JSON: Unexpected end-of-input (line 1, column 12)"}.
     *
     * @param e what the parser threw; never null
     * @param maxStringLength the string limit the parser had
     */
    public static String describe(JsonProcessingException e, int maxStringLength) {
        if (e instanceof StreamConstraintsException) {
            return describeLimit(String.valueOf(e.getMessage()), maxStringLength);
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return "is not valid JSON: " + withoutSourceNote(e.getOriginalMessage()) + where;
    }

    /** The parser's message without its location note; null stays an empty text. */
    public static String withoutSourceNote(String message) {
        return message == null ? "" : SOURCE_NOTE.matcher(message).replaceAll("");
    }

    private static String describeLimit(String message, int maxStringLength) {
        // the library names the limit's getter in its message; that is the only stable way to tell them apart
        if (message.contains("NestingDepth")) {
            return "is nested more than " + MAX_NESTING_DEPTH + " levels deep";
        }
        if (message.contains("NumberLength")) {
            return "holds a number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (message.contains("NameLength")) {
            return "holds a field name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (message.contains("StringLength")) {
            return "holds a string longer than " + maxStringLength + " characters";
        }
        return "is too large to read";
    }
}

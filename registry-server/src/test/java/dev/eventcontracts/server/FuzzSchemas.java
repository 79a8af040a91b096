package dev.eventcontracts.server;

import java.util.List;
import java.util.Random;

/** Schema texts for fuzzing: valid ones, invalid ones and hostile ones. */
final class FuzzSchemas {

    private static final List<String> TYPES = List.of(
            "\"int\"",
            "\"long\"",
            "\"string\"",
            "\"bytes\"",
            "\"null\"",
            "\"boolean\"",
            "\"float\"",
            "\"double\"",
            "\"foo\"",
            "\"test.Unknown\"",
            "[\"null\",\"string\"]",
            "[\"int\",\"int\"]",
            "[]",
            "{\"type\":\"array\",\"items\":\"int\"}",
            "{\"type\":\"map\"}",
            "{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}",
            "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"1a\"]}",
            "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":-1}",
            "{\"type\":\"record\"}",
            "42",
            "null",
            "{}");
    private static final List<String> NAMES =
            List.of("Rec", "1abc", "a-b", "", "é", "Rec.With.Dots", "int", "x".repeat(1000));
    private static final List<String> DEFAULTS = List.of(
            "", ",\"default\":0", ",\"default\":\"x\"", ",\"default\":null", ",\"default\":{}", ",\"default\":[1,2]");

    private FuzzSchemas() {}

    static String next(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> pick(random, TYPES);
            case 1 -> record(random, 1 + random.nextInt(4));
            case 2 -> nestedArrays(random.nextInt(2) == 0 ? 50 + random.nextInt(100) : 800 + random.nextInt(3000));
            case 3 ->
                "{\"type\":\"record\",\"name\":\"Self\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\","
                        + "\"Self\"]}]}";
            case 4 -> "{\"type\":\"record\",\"name\":\"" + pick(random, NAMES) + "\",\"fields\":[]}";
            case 5 -> "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}";
            default ->
                "{\"type\":\"record\",\"name\":\"R" + random.nextInt(1000) + "\",\"fields\":[{\"name\":\"a\","
                        + "\"type\":\"string\"}]}";
        };
    }

    private static String record(Random random, int fields) {
        StringBuilder sb =
                new StringBuilder("{\"type\":\"record\",\"name\":\"" + pick(random, NAMES) + "\",\"fields\":[");
        for (int i = 0; i < fields; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(pick(random, NAMES))
                    .append("\",\"type\":")
                    .append(pick(random, TYPES))
                    .append(pick(random, DEFAULTS))
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    /** An array schema nested {@code depth} levels deep. */
    static String nestedArrays(int depth) {
        return "{\"type\":\"array\",\"items\":".repeat(depth) + "\"int\"" + "}".repeat(depth);
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}

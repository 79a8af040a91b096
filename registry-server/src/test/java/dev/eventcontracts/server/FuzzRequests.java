package dev.eventcontracts.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed and hostile requests: bad JSON, wrong JSON types, huge bodies, odd subjects,
 * bad versions and ids, invalid schemas, wrong methods and media types, and JSON past the parser's limits (nesting,
 * number and name lengths) in the body and in the schema. Bounded: every body is at most 3 MiB.
 */
final class FuzzRequests {

    /** One generated request. */
    record Request(String method, String path, String body, String contentType) {

        @Override
        public String toString() {
            String shown = body == null
                    ? ""
                    : body.length() > 120 ? body.substring(0, 120) + "…(" + body.length() + " chars)" : body;
            return method + " " + (path.length() > 150 ? path.substring(0, 150) + "…" : path) + " [" + contentType
                    + "] " + shown;
        }
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/vnd.schemaregistry.v1+json",
            "application/json",
            "application/octet-stream",
            "text/plain",
            "application/xml",
            "multipart/form-data",
            "application/json; charset=utf-16",
            "*/*",
            "garbage",
            "");
    private static final List<String> SUBJECTS = List.of(
            "orders-value",
            "a",
            "%00",
            "%01",
            "%0A",
            "%7F",
            "%2F",
            "a%2Fb",
            "..",
            ".",
            "%2E%2E",
            ":.ctx:orders",
            "__GLOBAL",
            "%20",
            "%25",
            "%C3%A9t%C3%A9",
            "%F0%9F%98%80",
            "%C3%28",
            "%FF",
            "x".repeat(300),
            "%22%27%3C%3E",
            "null",
            "-1",
            "latest",
            "schemas",
            "versions");
    private static final List<String> VERSIONS = List.of(
            "1",
            "2",
            "latest",
            "LATEST",
            "-1",
            "0",
            "-2",
            "2147483647",
            "2147483648",
            "abc",
            "1.5",
            "%20",
            "1e3",
            "%D9%A3",
            "00001",
            "+1",
            "%00",
            "0x10",
            "latest%20");
    private static final List<String> IDS =
            List.of("1", "0", "-1", "2147483647", "99999999999", "abc", "%00", "1.0", "%2B1");
    private static final List<String> QUERIES = List.of(
            "",
            "?deleted=true",
            "?deleted=yes",
            "?deletedOnly=true",
            "?permanent=true",
            "?permanent=1",
            "?verbose=true",
            "?normalize=true",
            "?force=true",
            "?defaultToGlobal=true",
            "?limit=-5",
            "?limit=abc",
            "?offset=-1",
            "?offset=99999999999",
            "?subjectPrefix=%00",
            "?fetchMaxId=true&subject=%FF",
            "?latestOnly=true",
            "?deleted=true&deleted=false",
            "?%25%25",
            "?subject=");
    private static final List<String> BAD_JSON = List.of(
            "{",
            "}",
            "[",
            "nul",
            "tru",
            "{\"schema\": ",
            "{'schema': 1}",
            "{\"schema\": \"x\",}",
            "{\"schema\" \"x\"}",
            "\u0000",
            "{\"a\":1}{\"b\":2}",
            "\"just a string\"",
            "42",
            "null",
            "[]",
            "{\"schema\": \"\\u12\"}",
            "{\"schema\": \"\\uD800\"}",
            "\uFEFF{\"schema\": \"\\\"int\\\"\"}");

    private final Random random;

    FuzzRequests(long seed) {
        random = new Random(seed);
    }

    Request next() {
        return switch (random.nextInt(11)) {
            case 0, 1 ->
                new Request("POST", "/subjects/" + subject() + "/versions" + query(), schemaBody(), contentType());
            case 2 ->
                new Request(
                        pick(List.of("POST", "DELETE")),
                        "/subjects/" + subject() + query(),
                        schemaBody(),
                        contentType());
            case 3 ->
                new Request(
                        pick(List.of("GET", "DELETE")),
                        "/subjects/" + subject() + "/versions/" + version()
                                + pick(List.of("", "/schema", "/referencedby", "/x")) + query(),
                        null,
                        null);
            case 4 ->
                new Request(
                        "POST",
                        "/compatibility/subjects/" + subject() + "/versions" + pick(List.of("", "/" + version()))
                                + query(),
                        schemaBody(),
                        contentType());
            case 5 ->
                new Request(
                        pick(METHODS),
                        "/" + pick(List.of("config", "mode")) + pick(List.of("", "/" + subject())) + query(),
                        settingBody(),
                        contentType());
            case 6 ->
                new Request(
                        pick(List.of("GET", "DELETE", "POST")),
                        "/schemas/"
                                + pick(List.of(
                                        "ids/" + id(),
                                        "ids/" + id() + "/schema",
                                        "ids/" + id() + "/subjects",
                                        "ids/" + id() + "/versions",
                                        "guids/" + subject(),
                                        "types",
                                        ""))
                                + query(),
                        null,
                        null);
            case 7 ->
                new Request(
                        pick(METHODS),
                        randomPath() + query(),
                        random.nextBoolean() ? schemaBody() : null,
                        contentType());
            case 8 -> new Request("POST", "/subjects/" + subject() + "/versions", hugeBody(), contentType());
            case 9 ->
                new Request(
                        "POST",
                        pick(List.of(
                                "/subjects/limits-value/versions",
                                "/subjects/limits-value",
                                "/compatibility/" + "subjects/limits-value/versions/latest")),
                        pastTheLimits(),
                        CONTENT_TYPES.get(0));
            default ->
                new Request(
                        "POST",
                        "/subjects/fuzz-" + random.nextInt(20) + "/versions" + query(),
                        "{\"schema\": " + quote(FuzzSchemas.next(random)) + "}",
                        contentType());
        };
    }

    private String subject() {
        return pick(SUBJECTS);
    }

    private String version() {
        return pick(VERSIONS);
    }

    private String id() {
        return pick(IDS);
    }

    private String query() {
        return pick(QUERIES);
    }

    /** Mostly an accepted type, so that most bodies reach the parsing behind the media-type check. */
    private String contentType() {
        return random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : CONTENT_TYPES.get(random.nextInt(3));
    }

    private String schemaBody() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(BAD_JSON);
            case 1 ->
                pick(List.of(
                        "{\"schema\": 1}",
                        "{\"schema\": []}",
                        "{\"schema\": {\"type\": \"int\"}}",
                        "{\"schema\": \"\\\"int\\\"\", \"references\": \"x\"}",
                        "{\"schema\": \"\\\"int\\\"\", \"references\": [1]}",
                        "{\"schema\": \"\\\"int\\\"\", \"references\": [{\"name\": \"a\"}]}",
                        "{\"schema\": \"\\\"int\\\"\", \"version\": \"abc\"}",
                        "{\"schema\": \"\\\"int\\\"\", \"id\": 1e40}",
                        "{\"schema\": \"\\\"int\\\"\", \"schemaType\": \"PROTOBUF\"}",
                        "{\"schema\": \"\\\"int\\\"\", \"schemaType\": 7}",
                        "{\"schema\": null}",
                        "{}"));
            case 2 -> "{\"schema\": " + quote(FuzzSchemas.next(random)) + "}";
            case 3 -> "[".repeat(random.nextInt(5000)) + "]".repeat(random.nextInt(5000));
            case 4 -> randomText(random.nextInt(200));
            default -> null;
        };
    }

    /** A body, or the schema in it, past one of the JSON parser's limits (1,000 levels, digits; 50,000 name chars). */
    private String pastTheLimits() {
        String longNumber = "9".repeat(1_000 + random.nextInt(1_000));
        String longName = "n".repeat(50_001 + random.nextInt(1_000));
        int depth = 1_001 + random.nextInt(4_000);
        return switch (random.nextInt(6)) {
            case 0 -> "{\"schema\": " + quote(FuzzSchemas.nestedArrays(depth)) + "}";
            case 1 ->
                "{\"schema\": "
                        + quote("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\","
                                + "\"default\":" + longNumber + "}]}")
                        + "}";
            case 2 -> "{\"schema\": " + quote("{\"type\":\"record\",\"name\":\"R\",\"" + longName + "\":1}") + "}";
            case 3 -> "{\"schema\": \"\\\"int\\\"\", \"version\": " + longNumber + "}";
            case 4 -> "{\"schema\": \"\\\"int\\\"\", \"" + longName + "\": 1}";
            default -> "{\"schema\": \"\\\"int\\\"\", \"x\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        };
    }

    private String settingBody() {
        return pick(List.of(
                "{\"compatibility\": \"" + pick(List.of("FULL", "none", "Backward_Transitive", "SIDEWAYS", "", "FULL "))
                        + "\"}",
                "{\"mode\": \"" + pick(List.of("READONLY", "import", "READWRITE", "SLEEPY", "READONLY_OVERRIDE"))
                        + "\"}",
                "{\"compatibility\": 5}",
                "{\"mode\": null}",
                "{\"mode\": [\"READONLY\"]}",
                pick(BAD_JSON),
                "{}"));
    }

    private String hugeBody() {
        int size = pick(List.of(1_500_000, 2_200_000, 3_000_000));
        return "{\"schema\": \"" + "a".repeat(size) + "\"}";
    }

    private String randomPath() {
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(5);
        for (int i = 0; i < segments; i++) {
            path.append('/')
                    .append(pick(List.of(
                            "subjects",
                            "schemas",
                            "versions",
                            "ids",
                            "config",
                            "mode",
                            "compatibility",
                            "v1",
                            "metadata",
                            "contexts",
                            "associations",
                            subject(),
                            version(),
                            "")));
        }
        return path.toString();
    }

    private String randomText(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(0x3000));
        }
        return sb.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package dev.eventcontracts.server.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _schemas} topic a real Confluent Schema Registry 8.3.1 wrote (test resource
 * {@code confluent-8.3.1/_schemas.jsonl}, a byte-for-byte copy of the topic recorded from Confluent 8.3.1).
 */
public final class ConfluentFixture {

    /** One record of the topic: exact key and value bytes (value null for a tombstone). */
    public record FixtureRecord(long offset, byte[] key, byte[] value) {}

    private ConfluentFixture() {}

    /** The records in offset order. */
    public static List<FixtureRecord> schemasTopic() {
        ObjectMapper mapper = new ObjectMapper();
        List<FixtureRecord> records = new ArrayList<>();
        try (InputStream in = open("confluent-8.3.1/_schemas.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                JsonNode value = node.get("value");
                records.add(new FixtureRecord(
                        node.get("offset").asLong(),
                        node.get("key").asText().getBytes(StandardCharsets.UTF_8),
                        value == null || value.isNull() ? null : value.asText().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** The REST state Confluent answered after writing those records ({@code rest-state.json}). */
    public static JsonNode restState() {
        try (InputStream in = open("confluent-8.3.1/rest-state.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = ConfluentFixture.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("test resource " + resource + " is missing");
        }
        return in;
    }
}

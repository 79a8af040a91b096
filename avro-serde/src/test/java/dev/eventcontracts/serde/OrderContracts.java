package dev.eventcontracts.serde;

import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the current order-event contracts the way Confluent's "several event types in one topic" pattern
 * does: each named type under its full name with references to the types it uses, then the union
 * {@code order-events-value} with references to the event subjects.
 */
final class OrderContracts {

    private static final String NS = "dev.eventcontracts.orders.";
    private static final List<String> EVENTS = List.of("OrderCreated", "OrderStatusChanged", "OrderCancelled");

    private OrderContracts() {}

    /**
     * Registers the types and the union.
     *
     * @return the union's schema id
     */
    static int registerUnion(SchemaRegistry registry, String unionSubject) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        register(registry, "Money", List.of(), texts, versions);
        register(registry, "Address", List.of(), texts, versions);
        register(registry, "OrderStatus", List.of(), texts, versions);
        register(registry, "LineItem", List.of("Money"), texts, versions);
        register(registry, "OrderCreated", List.of("LineItem", "Money", "Address"), texts, versions);
        register(registry, "OrderStatusChanged", List.of("OrderStatus"), texts, versions);
        register(registry, "OrderCancelled", List.of(), texts, versions);
        List<SchemaReference> references = new ArrayList<>();
        for (String event : EVENTS) {
            references.add(new SchemaReference(NS + event, NS + event, versions.get(event)));
        }
        String union = "[\"" + NS + "OrderCreated\",\"" + NS + "OrderStatusChanged\",\"" + NS + "OrderCancelled\"]";
        return registry.register(unionSubject, AvroSchema.parse(union, references, texts), false);
    }

    private static void register(
            SchemaRegistry registry,
            String type,
            List<String> uses,
            Map<String, String> texts,
            Map<String, Integer> versions) {
        List<SchemaReference> references = new ArrayList<>();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String name : texts.keySet()) {
            String simple = name.substring(NS.length());
            if (uses.contains(simple) || transitivelyUsed(simple, uses)) {
                resolved.put(name, texts.get(name));
            }
        }
        for (String used : uses) {
            references.add(new SchemaReference(NS + used, NS + used, versions.get(used)));
        }
        String text = avsc(type);
        AvroSchema schema = AvroSchema.parse(text, references, resolved);
        registry.register(NS + type, schema, false);
        versions.put(type, registry.latest(NS + type).version());
        texts.put(NS + type, text);
    }

    private static boolean transitivelyUsed(String type, List<String> uses) {
        return type.equals("Money") && uses.contains("LineItem");
    }

    private static String avsc(String type) {
        String path = "eventcontracts/schemas/avro/" + type + ".avsc";
        try (InputStream in = OrderContracts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath (contracts-lib)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

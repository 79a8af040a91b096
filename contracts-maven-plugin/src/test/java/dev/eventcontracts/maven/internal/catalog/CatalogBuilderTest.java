package dev.eventcontracts.maven.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventcontracts.compat.CompatibilityChecker;
import dev.eventcontracts.compat.Rule;
import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.maven.internal.catalog.Catalog.HistoryEntry;
import dev.eventcontracts.maven.internal.catalog.Catalog.State;
import dev.eventcontracts.schema.SchemaChange;
import dev.eventcontracts.schema.SchemaChange.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogBuilderTest {

    private static final String NS = RepoContracts.NS;

    private static Catalog catalogOf(Path schemas) throws Exception {
        return CatalogBuilder.build(RepoContracts.read(schemas), "orders", "1.0", CompatibilityChecker.standard());
    }

    private static Catalog.Type type(Catalog catalog, String simpleName) {
        return catalog.types().stream()
                .filter(t -> t.name().equals(simpleName))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void build_orderEvents_listsItsThreeEventTypesAndLayout() throws Exception {
        Catalog.Topic topic = catalogOf(RepoContracts.SCHEMAS).topics().get(0);

        assertThat(topic.contract().name()).isEqualTo("order-events");
        assertThat(topic.contract().value().eventTypes())
                .containsExactly(NS + "OrderCreated", NS + "OrderStatusChanged", NS + "OrderCancelled");
        assertThat(topic.contract().deadLetterTopic()).isEqualTo("order-events.DLQ");
    }

    @Test
    void build_types_listEventTypesFirstThenTheTypesTheyUse() throws Exception {
        assertThat(catalogOf(RepoContracts.SCHEMAS).types())
                .extracting(Catalog.Type::name, Catalog.Type::eventType)
                .startsWith(
                        tuple("OrderCreated", true), tuple("OrderStatusChanged", true), tuple("OrderCancelled", true))
                .contains(tuple("Money", false), tuple("OrderStatus", false), tuple("Address", false));
    }

    @Test
    void build_orderCreated_showsShippingAddressAddedInV2WithItsDefaultAndTheGatePassing() throws Exception {
        Catalog.Type created = type(catalogOf(RepoContracts.SCHEMAS), "OrderCreated");

        assertThat(created.history())
                .extracting(HistoryEntry::release, HistoryEntry::state)
                .containsExactly(tuple("v1", State.INTRODUCED), tuple("v2", State.CHANGED));
        HistoryEntry v2 = created.history().get(1);
        assertThat(v2.changes())
                .extracting(SchemaChange::kind, SchemaChange::member, SchemaChange::after)
                .contains(tuple(Kind.FIELD_ADDED, "shippingAddress", "union of null, Address; default null"));
        assertThat(v2.verdict().compatible()).isTrue();
        assertThat(v2.verdict().level()).isEqualTo("FULL_TRANSITIVE");
        assertThat(v2.verdict().against()).isEqualTo("version 1");
    }

    @Test
    void build_fields_showTypeWithLogicalTypeDefaultAndDoc() throws Exception {
        Catalog.Type created = type(catalogOf(RepoContracts.SCHEMAS), "OrderCreated");

        assertThat(created.fields())
                .extracting(Catalog.Field::name, Catalog.Field::type, Catalog.Field::defaultValue)
                .contains(
                        tuple("createdAt", "long (timestamp-millis)", null),
                        tuple("shippingAddress", "union of null, Address", "null"));
        assertThat(type(catalogOf(RepoContracts.SCHEMAS), "Money")
                        .fields()
                        .get(0)
                        .type())
                .isEqualTo("bytes (decimal 12,2)");
    }

    @Test
    void build_orderStatus_showsReturnedAddedInV2() throws Exception {
        Catalog.Type status = type(catalogOf(RepoContracts.SCHEMAS), "OrderStatus");

        assertThat(status.enumDefault()).isEqualTo("UNKNOWN");
        assertThat(status.history().get(1).changes())
                .extracting(SchemaChange::kind, SchemaChange::member)
                .containsExactly(tuple(Kind.SYMBOL_ADDED, "RETURNED"));
    }

    @Test
    void build_typeUnchangedInV2_saysSoWithoutAVerdict() throws Exception {
        Catalog.Type money = type(catalogOf(RepoContracts.SCHEMAS), "Money");

        assertThat(money.history())
                .extracting(HistoryEntry::release, HistoryEntry::state, HistoryEntry::verdict)
                .containsExactly(tuple("v1", State.INTRODUCED, null), tuple("v2", State.UNCHANGED, null));
    }

    @Test
    void build_currentContractsEqualLatestRelease_haveNoUnreleasedEntry() throws Exception {
        assertThat(catalogOf(RepoContracts.SCHEMAS).types())
                .allSatisfy(t -> assertThat(t.history())
                        .extracting(HistoryEntry::release)
                        .doesNotContain(CatalogBuilder.UNRELEASED));
    }

    @Test
    void build_breakingUnreleasedChange_showsTheGatesVerdictWithEachViolation(@TempDir Path dir) throws Exception {
        Path schemas = copy(dir);
        edit(
                schemas.resolve("avro/OrderCancelled.avsc"),
                "\"name\": \"reason\",\n      \"type\": \"string\"",
                "\"name\": \"reason\",\n      \"type\": \"long\"");

        List<HistoryEntry> history = type(catalogOf(schemas), "OrderCancelled").history();
        HistoryEntry unreleased = history.get(history.size() - 1);

        assertThat(unreleased.release()).isEqualTo(CatalogBuilder.UNRELEASED);
        assertThat(unreleased.changes())
                .extracting(SchemaChange::describe)
                .containsExactly(
                        "field changed " + NS + "OrderCancelled.reason: string; no default -> long; no default");
        assertThat(unreleased.verdict().compatible()).isFalse();
        assertThat(unreleased.verdict().violations())
                .extracting(Violation::rule)
                .contains(Rule.FIELD_TYPE_CHANGED);
    }

    @Test
    void build_noReleasedHistory_introducesEverySubjectAsUnreleased(@TempDir Path dir) throws Exception {
        Path schemas = copy(dir);
        deleteTree(schemas.resolve("released"));

        Catalog catalog = catalogOf(schemas);

        assertThat(catalog.releases()).isEmpty();
        assertThat(type(catalog, "OrderCreated").history())
                .extracting(HistoryEntry::release, HistoryEntry::state)
                .containsExactly(tuple(CatalogBuilder.UNRELEASED, State.INTRODUCED));
    }

    static Path copy(Path dir) throws IOException {
        Path target = dir.resolve("schemas");
        try (Stream<Path> files = Files.walk(RepoContracts.SCHEMAS)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(RepoContracts.SCHEMAS.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}

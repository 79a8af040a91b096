package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextReleaseTest {

    /** A contracts repository in a temporary folder: {@code topics.json}, {@code avro/}, {@code released/}. */
    private record Repo(Path schemas) {

        static Repo from(Path sources, Path dir) throws IOException {
            Repo repo = new Repo(dir.resolve("schemas"));
            repo.replaceSources(sources, sources.resolve("topics.json"));
            return repo;
        }

        /** Replaces the current contracts by the .avsc files and topics.json of a release folder. */
        void replaceSources(Path release) throws IOException {
            replaceSources(release, release.resolve("topics.json"));
        }

        /** Replaces the current contracts by the .avsc files of a folder and a descriptor. */
        void replaceSources(Path sources, Path descriptor) throws IOException {
            Path avro = Files.createDirectories(schemas.resolve("avro"));
            try (Stream<Path> old = Files.list(avro)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            try (Stream<Path> files = Files.list(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                    Files.copy(f, avro.resolve(f.getFileName().toString()));
                }
            }
            Files.copy(descriptor, schemas.resolve("topics.json"), StandardCopyOption.REPLACE_EXISTING);
        }

        NextRelease plan() {
            return NextRelease.plan(schemas.resolve("topics.json"), schemas.resolve("avro"), released());
        }

        Path released() {
            return schemas.resolve("released");
        }

        void edit(String file, String from, String to) throws IOException {
            Path path = schemas.resolve(file);
            String text = Files.readString(path);
            assertThat(text).contains(from);
            Files.writeString(path, text.replace(from, to));
        }
    }

    private static Path repositoryRelease(int version) {
        return RepoSchemas.RELEASED.resolve("v" + version);
    }

    @Test
    void write_releasingV1ThenV2FromTheirSources_recreatesTheRepositoryHistoryByteForByte(@TempDir Path dir)
            throws IOException {
        Repo repo = Repo.from(repositoryRelease(1), dir);
        repo.plan().write();
        repo.replaceSources(RepoSchemas.AVRO, RepoSchemas.DESCRIPTOR);
        repo.plan().write();

        assertThat(filesUnder(repo.released())).isEqualTo(filesUnder(RepoSchemas.RELEASED));
        for (String file : filesUnder(RepoSchemas.RELEASED)) {
            assertThat(Files.readAllBytes(repo.released().resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(RepoSchemas.RELEASED.resolve(file)));
        }
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void plan_firstRelease_isV1ListingItsTopicAndTypes(@TempDir Path dir) throws IOException {
        NextRelease first = Repo.from(repositoryRelease(1), dir).plan();

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.previous()).isEmpty();
        assertThat(first.changes())
                .extracting(ReleaseChange::describe)
                .contains(
                        "new topic order-events: carries " + RepoSchemas.NS + "OrderCreated, " + RepoSchemas.NS
                                + "OrderStatusChanged, " + RepoSchemas.NS + "OrderCancelled",
                        "new type " + RepoSchemas.NS + "Money: record",
                        "new type " + RepoSchemas.NS + "OrderStatus: enum");
    }

    @Test
    void changes_v1ToV2_nameTheNewTypeFieldAndSymbol(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(1), dir);
        repo.plan().write();
        repo.replaceSources(repositoryRelease(2));

        assertThat(repo.plan().changes())
                .extracting(ReleaseChange::describe)
                .containsExactly(
                        "new type " + RepoSchemas.NS + "Address: record",
                        "new field " + RepoSchemas.NS + "OrderCreated.shippingAddress: union of null, Address; "
                                + "default null",
                        "new symbol " + RepoSchemas.NS + "OrderStatus.RETURNED");
    }

    @Test
    void changes_eventTypeAddedToTopic_nameItAndTheTopic(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        repo.plan().write();
        repo.edit(
                "topics.json",
                "\"dev.eventcontracts.orders.OrderCancelled\"",
                "\"dev.eventcontracts.orders.OrderCancelled\", \"dev.eventcontracts.orders.Money\"");

        assertThat(repo.plan().changes())
                .extracting(ReleaseChange::describe)
                .containsExactly("new event type " + RepoSchemas.NS + "Money: on topic 'order-events'");
    }

    @Test
    void changes_docOnly_isAChangedType(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        repo.plan().write();
        repo.edit("avro/Money.avsc", "\"doc\": \"", "\"doc\": \"Really: ");

        NextRelease next = repo.plan();

        assertThat(next.changesAnything()).isTrue();
        assertThat(next.changes())
                .extracting(ReleaseChange::describe)
                .containsExactly("changed type " + RepoSchemas.NS + "Money: docs, defaults, aliases or field types");
    }

    @Test
    void write_nothingChangedSinceTheLastRelease_refusesAndWritesNothing(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        repo.plan().write();
        NextRelease again = repo.plan();

        assertThat(again.changesAnything()).isFalse();
        assertThat(again.changes()).isEmpty();
        assertThatThrownBy(again::write)
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("Nothing to release: the contracts equal release v1");
        assertThat(repo.released().resolve("v2")).doesNotExist();
    }

    @Test
    void plan_formattingOnlyChange_isNothingToRelease(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        repo.plan().write();
        repo.edit("avro/Money.avsc", "\n", "\n  ");

        assertThat(repo.plan().changesAnything()).isFalse();
    }

    @Test
    void plan_releaseFolderLeftIncomplete_failsNamingIt(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        Path stray = Files.createDirectories(repo.released().resolve("v1"));

        assertThatThrownBy(repo::plan)
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(stray.toString())
                .hasMessageContaining("exists already");
    }

    @Test
    void plan_eventTypeDefinedByNoFile_failsNamingIt(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        Files.delete(repo.schemas().resolve("avro/OrderCancelled.avsc"));

        assertThatThrownBy(repo::plan)
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("'dev.eventcontracts.orders.OrderCancelled'");
    }

    @Test
    void fileOrder_typesTheEventsUseFirstThenEventsInTopicOrderThenUnusedFiles(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(2), dir);
        Files.writeString(
                repo.schemas().resolve("avro/AAUnused.avsc"),
                "{\"type\":\"record\",\"name\":\"AAUnused\",\"namespace\":\"x\",\"fields\":[]}");

        assertThat(repo.plan().manifest().schemas())
                .containsExactly(
                        "Money.avsc",
                        "LineItem.avsc",
                        "Address.avsc",
                        "OrderStatus.avsc",
                        "OrderCreated.avsc",
                        "OrderStatusChanged.avsc",
                        "OrderCancelled.avsc",
                        "AAUnused.avsc");
    }

    @Test
    void history_afterWrite_readsTheNewReleaseAsTheLatest(@TempDir Path dir) throws IOException {
        Repo repo = Repo.from(repositoryRelease(1), dir);
        repo.plan().write();
        repo.replaceSources(repositoryRelease(2));
        repo.plan().write();

        assertThat(ReleaseHistory.read(repo.released())
                        .subject(RepoSchemas.NS + "OrderCreated")
                        .labels())
                .containsEntry(2, "released v2");
    }
}

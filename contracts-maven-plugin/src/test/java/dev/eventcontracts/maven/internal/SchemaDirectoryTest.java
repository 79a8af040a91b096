package dev.eventcontracts.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDirectoryTest {

    @Test
    void read_repositorySchemas_ordersEveryTypeAfterTheTypesItUses() throws Exception {
        List<String> order = SchemaDirectory.read(RepoSchemas.AVRO).stream().map(TypeFile::fullName).toList();

        assertThat(order).hasSize(7);
        assertThat(order.indexOf(RepoSchemas.NS + "Money")).isLessThan(order.indexOf(RepoSchemas.NS + "LineItem"));
        assertThat(order.indexOf(RepoSchemas.NS + "LineItem")).isLessThan(order.indexOf(RepoSchemas.NS + "OrderCreated"));
        assertThat(order.indexOf(RepoSchemas.NS + "Address")).isLessThan(order.indexOf(RepoSchemas.NS + "OrderCreated"));
        assertThat(order.indexOf(RepoSchemas.NS + "OrderStatus"))
                .isLessThan(order.indexOf(RepoSchemas.NS + "OrderStatusChanged"));
    }

    @Test
    void readFile_recordUsingOtherTypes_listsThemAsDependenciesWithNamespace() throws Exception {
        TypeFile created = SchemaDirectory.readFile(RepoSchemas.AVRO.resolve("OrderCreated.avsc"));

        assertThat(created.dependencies()).containsExactly(RepoSchemas.NS + "LineItem", RepoSchemas.NS + "Money",
                RepoSchemas.NS + "Address");
    }

    @Test
    void read_typeUsedButDefinedNowhere_failsNamingFileAndType(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A.avsc"), """
                {"type":"record","name":"A","namespace":"x","fields":[{"name":"b","type":"B"}]}""");

        assertThatThrownBy(() -> SchemaDirectory.read(dir)).isInstanceOf(GateException.class)
                .hasMessageContaining("A.avsc").hasMessageContaining("'x.B'");
    }

    @Test
    void read_fileThatIsNotJson_failsNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Broken.avsc"), "{\"type\": ");

        assertThatThrownBy(() -> SchemaDirectory.read(dir)).isInstanceOf(GateException.class)
                .hasMessageContaining("Broken.avsc");
    }
}

package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractTypesTest {

    @Test
    void readDirectory_repositorySchemas_ordersEveryTypeAfterTheTypesItUses() {
        List<String> order = ContractTypes.readDirectory(RepoSchemas.AVRO).types().stream()
                .map(TypeFile::fullName)
                .toList();

        assertThat(order).hasSize(7);
        assertThat(order.indexOf(RepoSchemas.NS + "Money")).isLessThan(order.indexOf(RepoSchemas.NS + "LineItem"));
        assertThat(order.indexOf(RepoSchemas.NS + "LineItem"))
                .isLessThan(order.indexOf(RepoSchemas.NS + "OrderCreated"));
        assertThat(order.indexOf(RepoSchemas.NS + "Address"))
                .isLessThan(order.indexOf(RepoSchemas.NS + "OrderCreated"));
        assertThat(order.indexOf(RepoSchemas.NS + "OrderStatus"))
                .isLessThan(order.indexOf(RepoSchemas.NS + "OrderStatusChanged"));
    }

    @Test
    void parse_recordUsingOtherTypes_listsThemAsDependenciesWithNamespace() throws Exception {
        Path file = RepoSchemas.AVRO.resolve("OrderCreated.avsc");

        TypeFile created = ContractTypes.parse(file.toString(), Files.readString(file));

        assertThat(created.dependencies())
                .containsExactly(RepoSchemas.NS + "LineItem", RepoSchemas.NS + "Money", RepoSchemas.NS + "Address");
    }

    @Test
    void schemas_parseEveryTypeWithOneParser_dependenciesFirst() {
        var schemas = ContractTypes.readDirectory(RepoSchemas.AVRO).schemas();

        assertThat(schemas).hasSize(7);
        assertThat(schemas.get(RepoSchemas.NS + "OrderCreated").getField("shippingAddress"))
                .isNotNull();
    }

    @Test
    void readResources_releaseOnTheClasspathOfTests_readsTheNamedFiles() {
        ContractTypes types =
                ContractTypes.readResources(getClass().getClassLoader(), "contracts/", List.of("B.avsc", "A.avsc"));

        assertThat(types.types()).extracting(TypeFile::fullName).containsExactly("x.A", "x.B");
        assertThat(types.type("x.B").orElseThrow().location()).isEqualTo("classpath:contracts/B.avsc");
    }

    @Test
    void readDirectory_typeUsedButDefinedNowhere_failsNamingFileAndType(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A.avsc"), """
                {"type":"record","name":"A","namespace":"x","fields":[{"name":"b","type":"B"}]}""");

        assertThatThrownBy(() -> ContractTypes.readDirectory(dir))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("A.avsc")
                .hasMessageContaining("'x.B'");
    }

    @Test
    void readDirectory_typesInACycle_failsNamingAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A.avsc"), """
                {"type":"record","name":"A","namespace":"x","fields":[{"name":"b","type":"B"}]}""");
        Files.writeString(dir.resolve("B.avsc"), """
                {"type":"record","name":"B","namespace":"x","fields":[{"name":"a","type":"A"}]}""");

        assertThatThrownBy(() -> ContractTypes.readDirectory(dir))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining(".avsc");
    }

    @Test
    void readDirectory_fileThatIsNotJson_failsNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Broken.avsc"), "{\"type\": ");

        assertThatThrownBy(() -> ContractTypes.readDirectory(dir))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("Broken.avsc");
    }

    @Test
    void schemas_fileThatIsNotValidAvro_failsAsInvalidSchemaNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("N.avsc"), """
                {"type":"record","name":"N","namespace":"x","fields":[{"name":"missingItsType"}]}""");

        assertThatThrownBy(() -> ContractTypes.readDirectory(dir).schemas())
                .isInstanceOf(InvalidContractSchemaException.class)
                .hasMessageContaining("N.avsc");
    }
}

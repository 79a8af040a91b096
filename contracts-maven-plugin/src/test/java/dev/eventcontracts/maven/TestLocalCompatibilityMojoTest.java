package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-local-compatibility with Confluent's parameters: schemas, previousSchemaPaths, compatibilityLevels. */
class TestLocalCompatibilityMojoTest {

    private static TestLocalCompatibilityMojo mojo(Path dir, String newSchema, String level) throws Exception {
        Path previous = Files.createDirectories(dir.resolve("previous"));
        Files.writeString(previous.resolve("v1.avsc"), """
                {"type":"record","name":"R","namespace":"x","fields":[{"name":"a","type":"int"}]}""");
        Path current = dir.resolve("R.avsc");
        Files.writeString(current, newSchema);
        TestLocalCompatibilityMojo mojo = new TestLocalCompatibilityMojo();
        mojo.schemas = Map.of("s", current.toFile());
        mojo.previousSchemaPaths = Map.of("s", previous.toFile());
        if (level != null) {
            mojo.compatibilityLevels = Map.of("s", level);
        }
        mojo.reportsDirectory = dir.resolve("reports").toFile();
        return mojo;
    }

    @Test
    void testLocal_compatibleChange_passes(@TempDir Path dir) throws Exception {
        mojo(dir, """
                {"type":"record","name":"R","namespace":"x","fields":[{"name":"a","type":"int"},
                 {"name":"b","type":"string","default":""}]}""", "BACKWARD").execute();
    }

    @Test
    void testLocal_typeChanged_failsNamingFieldAndPreviousFile(@TempDir Path dir) {
        assertThatThrownBy(() -> mojo(dir, """
                {"type":"record","name":"R","namespace":"x","fields":[{"name":"a","type":"string"}]}""", "BACKWARD").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("field 'a'")
                .hasMessageContaining("version 1 (v1.avsc)");
    }

    @Test
    void testLocal_noLevelForSubject_failsNamingTheSubject(@TempDir Path dir) {
        assertThatThrownBy(() -> mojo(dir, "\"string\"", null).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("compatibilityLevels")
                .hasMessageContaining("'s'");
    }
}

package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path jvms;

    @Test
    void find_newerJdkBesideTheRunningOne_isFound() throws IOException {
        Path current = jdk("java-17", "17.0.15");
        Path newer = jdk("temurin-25", "25.0.3");
        jdk("temurin-21", "21.0.9");

        JavaRuntimes.Search search = JavaRuntimes.find(21, "", current);

        assertThat(search.found()).hasValue(new JavaRuntimes.Runtime(newer.resolve("bin/java"), "25.0.3"));
    }

    @Test
    void find_onlyOlderJdks_findsNoneAndSaysWhereItLooked() throws IOException {
        Path current = jdk("java-17", "17.0.15");
        jdk("java-11", "11.0.2");
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        JavaRuntimes.Search search = JavaRuntimes.find(21, "${interop.java.home}", current);

        assertThat(search.found()).isEmpty();
        assertThat(search.lookedAt())
                .containsExactlyInAnyOrder(current + " (Java 17.0.15)", jvms.resolve("java-11") + " (Java 11.0.2)");
    }

    @Test
    void find_configuredHomeElsewhere_isLookedAtFirst(@TempDir Path elsewhere) throws IOException {
        Path current = jdk("java-17", "17.0.15");
        Path configured = jdk(elsewhere, "jdk-21", "21.0.9");

        JavaRuntimes.Search search = JavaRuntimes.find(21, configured.toString(), current);

        assertThat(search.found()).hasValue(new JavaRuntimes.Runtime(configured.resolve("bin/java"), "21.0.9"));
    }

    @Test
    void feature_readsCurrentAndLegacyVersionStrings() {
        assertThat(JavaRuntimes.feature("25.0.3")).isEqualTo(25);
        assertThat(JavaRuntimes.feature("21")).isEqualTo(21);
        assertThat(JavaRuntimes.feature("1.8.0_402")).isEqualTo(8);
        assertThat(JavaRuntimes.feature("junk")).isZero();
    }

    private Path jdk(String name, String version) throws IOException {
        return jdk(jvms, name, version);
    }

    private static Path jdk(Path parent, String name, String version) throws IOException {
        Path home = Files.createDirectories(parent.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}

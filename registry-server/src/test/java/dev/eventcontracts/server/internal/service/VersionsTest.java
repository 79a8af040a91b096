package dev.eventcontracts.server.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"latest", "LATEST", " latest ", "-1"})
    void parse_latestForms_meanLatest(String text) {
        assertThat(Versions.parse(text)).isEqualTo(Versions.LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2147483647", " 7 "})
    void parse_positiveInts_areVersions(String text) {
        assertThat(Versions.parse(text)).isEqualTo(Integer.parseInt(text.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "abc", "2147483648", "1.0", ""})
    void parse_others_answer42202NamingTheText(String text) {
        assertThatThrownBy(() -> Versions.parse(text)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_VERSION);
            assertThat(e.getMessage()).startsWith("The specified version '" + text + "' is not a valid version id.");
        });
    }
}

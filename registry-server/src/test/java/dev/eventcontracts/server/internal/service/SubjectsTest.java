package dev.eventcontracts.server.internal.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders-value", "", "a/b", "é", ":.ctx:orders"})
    void requireValid_acceptsWhatConfluentAccepts(String subject) {
        assertThatCode(() -> Subjects.requireValid(subject)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "__GLOBAL", ":.ctx:__GLOBAL", "\u007f"})
    void requireValid_refusesControlCharactersAndTheGlobalSubject(String subject) {
        assertThatThrownBy(() -> Subjects.requireValid(subject))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                .isEqualTo(ErrorKind.INVALID_SUBJECT));
    }
}

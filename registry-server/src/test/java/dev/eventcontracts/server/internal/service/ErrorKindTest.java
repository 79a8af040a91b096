package dev.eventcontracts.server.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorKindTest {

    @Test
    void confluentCodes_carryTheirHttpStatus() {
        for (ErrorKind kind : ErrorKind.values()) {
            int code = kind.errorCode();
            if (code >= 10_000) {
                int family = code / 100;
                int expected = kind == ErrorKind.NOT_READY
                        ? 503
                        : family == 409 ? 409 : family == 500 ? 500 : family == 404 ? 404 : 422;
                assertThat(kind.httpStatus()).as(kind.name()).isEqualTo(expected);
            } else {
                assertThat(kind.httpStatus()).as(kind.name()).isEqualTo(code);
            }
        }
    }

    @Test
    void message_fillsTheFormat() {
        assertThat(ErrorKind.SUBJECT_NOT_FOUND.message("orders")).isEqualTo("Subject 'orders' not found.");
        assertThat(ErrorKind.VERSION_SOFT_DELETED.message("s", "2"))
                .isEqualTo("Subject 's' Version 2 was soft deleted.Set permanent=true to delete permanently");
        assertThat(ErrorKind.NOT_FOUND.message()).isEqualTo("HTTP 404 Not Found");
    }
}

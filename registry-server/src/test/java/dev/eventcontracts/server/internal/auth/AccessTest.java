package dev.eventcontracts.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTest {

    @ParameterizedTest
    @CsvSource({
        "GET, /subjects, false, READ",
        "POST, /subjects/orders-value, false, READ",
        "POST, /compatibility/subjects/s/versions/latest, false, READ",
        "POST, /subjects/orders-value/versions, false, WRITE",
        "DELETE, /subjects/orders-value, false, WRITE",
        "DELETE, /subjects/orders-value/versions/1, true, ADMIN",
        "PUT, /config, false, ADMIN",
        "DELETE, /mode/s, false, ADMIN"
    })
    void of_classifiesRequests(String method, String path, boolean permanent, Access expected) {
        assertThat(Access.of(method, path, permanent)).isEqualTo(expected);
    }
}

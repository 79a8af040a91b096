package dev.eventcontracts.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionsTest {

    @ParameterizedTest
    @CsvSource({
        "CREATED,CREATED,PAID",
        "PAID,PAID,SHIPPED",
        "SHIPPED,SHIPPED,DELIVERED",
        "DELIVERED,DELIVERED,RETURNED",
        "DELIVERED,DELIVERED,UNKNOWN",
        "UNKNOWN,RETURNED,SHIPPED"
    })
    void checkChange_lifecycleStepOrUnknownStatus_isAllowed(String current, String previous, String next) {
        assertThat(Transitions.checkChange(current, previous, next)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "CREATED,CREATED,SHIPPED",
        "PAID,CREATED,PAID",
        "CANCELLED,CANCELLED,PAID",
        "RETURNED,RETURNED,UNKNOWN",
        "SHIPPED,SHIPPED,PAID"
    })
    void checkChange_skippedBackwardsOrAfterTheEnd_isRefused(String current, String previous, String next) {
        assertThat(Transitions.checkChange(current, previous, next)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"CREATED,true", "PAID,true", "SHIPPED,false", "DELIVERED,false", "CANCELLED,false"})
    void checkCancel_onlyBeforeShipping(String current, boolean allowed) {
        assertThat(Transitions.checkCancel(current) == null).isEqualTo(allowed);
    }
}

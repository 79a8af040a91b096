package dev.eventcontracts.devstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClusterBuilderTest {

    @Test
    void brokers_belowOne_failsNamingTheValue() {
        assertThatThrownBy(() -> KafkaCluster.builder().brokers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brokers must be at least 1, was 0");
    }

    @Test
    void brokerConfig_withNullValue_failsNamingTheKey() {
        Map<String, String> config = Collections.singletonMap("log.retention.ms", null);

        assertThatThrownBy(() -> KafkaCluster.builder().brokerConfig(config))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value for log.retention.ms");
    }
}

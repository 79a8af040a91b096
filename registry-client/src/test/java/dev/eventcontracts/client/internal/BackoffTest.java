package dev.eventcontracts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(20_000));

    @Test
    void bound_doublesPerRetry_upToTheLongestWait() {
        assertThat(backoff.boundMillis(0)).isEqualTo(1000);
        assertThat(backoff.boundMillis(1)).isEqualTo(2000);
        assertThat(backoff.boundMillis(4)).isEqualTo(16_000);
        assertThat(backoff.boundMillis(5)).isEqualTo(20_000);
        assertThat(backoff.boundMillis(200)).isEqualTo(20_000);
    }

    @Test
    void delay_liesBetweenHalfAndAllOfTheBound() {
        assertThat(backoff.delayMillis(2, 0.0)).isEqualTo(2000);
        assertThat(backoff.delayMillis(2, 0.5)).isEqualTo(3000);
        assertThat(backoff.delayMillis(2, 0.999_999)).isEqualTo(3999);
    }
}

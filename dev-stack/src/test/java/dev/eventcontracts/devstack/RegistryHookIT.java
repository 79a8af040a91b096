package dev.eventcontracts.devstack;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.devstack.FakeRegistryProvider.FakeRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @WithKafka(registry = true)} starts the registry through the provider on the classpath. */
@KafkaIntegrationTest
@WithKafka(registry = true)
@Timeout(value = 60, unit = SECONDS)
class RegistryHookIT {

    private RunningRegistry fieldRegistry;

    @Test
    void registry_comesFromTheClasspathProvider_boundToTheSharedBroker(
            RunningRegistry registry, @BootstrapServers String bootstrap) {
        assertThat(registry).isInstanceOf(FakeRegistry.class);
        FakeRegistry fake = (FakeRegistry) registry;
        assertThat(fake.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(fake.config()).isEmpty();
        assertThat(registry.url()).isEqualTo("http://fake-registry.invalid/" + bootstrap);
        assertThat(fake.isClosed()).isFalse();
    }

    @Test
    void fieldAndParameter_receiveTheSameRegistry(RunningRegistry registry) {
        assertThat(fieldRegistry).isSameAs(registry);
    }

    @Nested
    @WithKafka(registry = true)
    class AnotherClass {

        @Test
        void getsTheSameSharedRegistry(RunningRegistry registry) {
            assertThat(registry).isSameAs(fieldRegistry);
        }
    }
}

package dev.eventcontracts.devstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.devstack.FakeRegistryProvider;
import dev.eventcontracts.devstack.RegistryProvider;
import dev.eventcontracts.devstack.RunningRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryProvidersTest {

    @Test
    void start_withTheFakeProviderOnTheClasspath_startsItWithTheBootstrapAddress() {
        try (RunningRegistry registry =
                RegistryProviders.start("localhost:1234", getClass().getClassLoader())) {
            assertThat(registry.url()).isEqualTo("http://fake-registry.invalid/localhost:1234");
        }
    }

    @Test
    void start_withNoProviderOnTheClasspath_failsSayingWhatToAdd() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> RegistryProviders.start("localhost:1234", empty))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "@WithKafka(registry = true) needs a dev.eventcontracts.devstack.RegistryProvider")
                    .hasMessageContaining("META-INF/services/dev.eventcontracts.devstack.RegistryProvider")
                    .hasMessageContaining("none was found")
                    .hasMessageContaining("add dev.eventcontracts:dev-stack-registry");
        }
    }

    @Test
    void single_withTwoProviders_failsNamingBoth() {
        List<RegistryProvider> two = List.of(new FakeRegistryProvider(), new OtherProvider());

        assertThatThrownBy(() -> RegistryProviders.single(two))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one")
                .hasMessageContaining("found 2")
                .hasMessageContaining("FakeRegistryProvider")
                .hasMessageContaining("OtherProvider");
    }

    @Test
    void single_withOneProvider_returnsIt() {
        RegistryProvider only = new FakeRegistryProvider();

        assertThat(RegistryProviders.single(List.of(only))).isSameAs(only);
    }

    private static final class OtherProvider implements RegistryProvider {
        @Override
        public RunningRegistry start(String bootstrapServers, Map<String, String> config) {
            throw new AssertionError("never started");
        }
    }
}

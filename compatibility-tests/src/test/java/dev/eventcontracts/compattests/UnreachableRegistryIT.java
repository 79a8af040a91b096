package dev.eventcontracts.compattests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * With {@code -Dschema.registry.url} the gate runs against the registry; when nothing answers there, the
 * build fails with a clear message instead of passing silently or falling back to the offline gate.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class UnreachableRegistryIT {

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void verify_registryUnreachable_failsTheBuildNamingTheRegistry() throws Exception {
        String url = closedPortUrl();

        FixtureBuild.Result result =
                FixtureBuild.of("compatible-optional-field").run(List.of("verify"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("BUILD FAILURE", "the registry is unreachable", url);
    }

    @Test
    void register_registryUnreachable_failsTheBuild() throws Exception {
        String url = closedPortUrl();

        FixtureBuild.Result result =
                FixtureBuild.of("_base").run(List.of("contracts:register"), Map.of("schema.registry.url", url));

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("Could not register schemas at " + url, "unreachable");
    }

    @Test
    void verify_registryUnreachableButSkipped_passes() throws Exception {
        FixtureBuild.Result result = FixtureBuild.of("_base")
                .run(
                        List.of("verify"),
                        Map.of("schema.registry.url", closedPortUrl(), "kafka-schema-registry.skip", "true"));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("Skipping");
    }
}

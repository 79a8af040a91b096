package dev.eventcontracts.server;

import static dev.eventcontracts.server.Schemas.record;
import static dev.eventcontracts.server.Schemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The 500-class answers (50001 store error, 50002 timeout, 50003 forwarding failed, 50004 writer unknown) and
 * forwarding of writes to the writer instance, with instances sharing an in-JVM log so that failures can be
 * provoked on purpose. (Forwarding between instances on a real broker: ThreeInstancesIT.)
 */
@Tag("integration")
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class StoreFailuresAndForwardingIT {

    private final LogHub hub = new LogHub();
    private final List<RegistryServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(RegistryServer::close);
    }

    @Test
    void storeFailure_answers50001() {
        Rest rest = new Rest(start(hub.writer(), Map.of()).url());
        hub.behave(LogHub.Behaviour.FAIL);

        Rest.Answer answer = rest.register(subject(), "\"int\"");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.errorCode()).isEqualTo(50001);
        assertThat(answer.message()).isEqualTo("Register schema operation failed while writing to the Kafka store");
    }

    @Test
    void storeTimeout_answers50002() {
        Rest rest = new Rest(
                start(hub.writer(), Map.of("kafkastore.timeout.ms", "200")).url());
        hub.behave(LogHub.Behaviour.HANG);

        Rest.Answer answer = rest.put("/config", Rest.MAPPER.createObjectNode().put("compatibility", "FULL"));

        assertThat(answer.errorCode()).isEqualTo(50002);
        assertThat(answer.message()).isEqualTo("Update compatibility level operation timed out");
    }

    @Test
    void followerWithoutKnownWriter_answers50004() {
        Rest rest = new Rest(start(hub.follower(Optional::empty), Map.of()).url());

        Rest.Answer answer = rest.register(subject(), "\"int\"");

        assertThat(answer.errorCode()).isEqualTo(50004);
        assertThat(answer.message()).isEqualTo("Leader not known.");
    }

    @Test
    void followerWithUnreachableWriter_answers50003() throws Exception {
        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        String url = deadUrl;
        Rest rest =
                new Rest(start(hub.follower(() -> Optional.of(url)), Map.of()).url());

        Rest.Answer answer = rest.register(subject(), "\"int\"");

        assertThat(answer.errorCode()).isEqualTo(50003);
        assertThat(answer.message()).isEqualTo("Error while forwarding the request to the leader");
    }

    @Test
    void follower_forwardsWritesToTheWriterAndServesThemAtOnce() {
        RegistryServer writer = start(hub.writer(), Map.of());
        Rest follower = new Rest(
                start(hub.follower(() -> Optional.of(writer.url())), Map.of()).url());
        String s = subject();

        Rest.Answer registered = follower.register(s, record("Forwarded", "a"));

        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(hub.appends()).isEqualTo(1);
        assertThat(follower.get("/subjects/" + s + "/versions/1").status()).isEqualTo(200);
        assertThat(new Rest(writer.url()).get("/subjects/" + s + "/versions/1").status())
                .isEqualTo(200);
    }

    @Test
    void follower_forwardsTheWritersErrorsUnchanged() {
        RegistryServer writer = start(hub.writer(), Map.of());
        Rest follower = new Rest(
                start(hub.follower(() -> Optional.of(writer.url())), Map.of()).url());

        Rest.Answer answer =
                follower.put("/config", Rest.MAPPER.createObjectNode().put("compatibility", "NOPE"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42203);
    }

    @Test
    void follower_answersReRegistrationsItselfWithoutForwarding() {
        RegistryServer writer = start(hub.writer(), Map.of());
        Rest follower = new Rest(
                start(hub.follower(() -> Optional.of(writer.url())), Map.of()).url());
        String s = subject();
        new Rest(writer.url()).register(s, record("Local", "a"));
        int appends = hub.appends();

        Rest.Answer again = follower.register(s, record("Local", "a"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(hub.appends()).isEqualTo(appends);
    }

    @Test
    void forwardedRequestReachingANonWriter_answers50004InsteadOfLooping() {
        RegistryServer other = start(hub.follower(Optional::empty), Map.of());
        Rest follower = new Rest(
                start(hub.follower(() -> Optional.of(other.url())), Map.of()).url());

        assertThat(follower.register(subject(), "\"int\"").errorCode()).isEqualTo(50004);
    }

    private RegistryServer start(dev.eventcontracts.server.internal.store.RecordLog log, Map<String, String> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        RegistryServer server = RegistryServer.start(RegistryServerConfig.of(props), url -> log);
        servers.add(server);
        return server;
    }
}

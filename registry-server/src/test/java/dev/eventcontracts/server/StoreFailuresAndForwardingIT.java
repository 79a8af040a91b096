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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The 500-class answers (50001 store error, 50002 timeout, 50003 forwarding failed, 50004 writer unknown) and
 * forwarding of writes to the writer instance, with instances sharing an in-JVM log so that failures can be
 * provoked on purpose: a write waits for a writer that is unknown or unreachable (at most
 * {@code leader.wait.timeout.ms}) and is forwarded to the one that takes over. (Forwarding between instances on a
 * real broker: ThreeInstancesIT, WriterFailoverIT.)
 */
@Tag("integration")
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class StoreFailuresAndForwardingIT {

    private static final String WRITER_WAIT = RegistryServerConfig.LEADER_WAIT_TIMEOUT_MS;

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
        assertThat(answer.message())
                .isEqualTo("Register schema operation failed while writing to the Kafka store; the write may or may "
                        + "not have been applied");
    }

    @Test
    void storeTimeout_answers50002() {
        Rest rest = new Rest(
                start(hub.writer(), Map.of("kafkastore.timeout.ms", "200")).url());
        hub.behave(LogHub.Behaviour.HANG);

        Rest.Answer answer = rest.put("/config", Rest.MAPPER.createObjectNode().put("compatibility", "FULL"));

        assertThat(answer.errorCode()).isEqualTo(50002);
        assertThat(answer.message())
                .isEqualTo(
                        "Update compatibility level operation timed out; the write may or may not have been applied");
    }

    @Test
    void followerWithoutKnownWriter_waitsTheWriterWaitThenAnswers50004NotApplied() {
        Rest rest = new Rest(
                start(hub.follower(Optional::empty), Map.of(WRITER_WAIT, "400")).url());

        long started = System.nanoTime();
        Rest.Answer answer = rest.register(subject(), "\"int\"");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(answer.errorCode()).isEqualTo(50004);
        assertThat(answer.message())
                .isEqualTo("Leader not known: no writer took over within 400 ms (leader.wait.timeout.ms); the write "
                        + "was not applied");
        assertThat(tookMs).as("waited for a writer").isGreaterThanOrEqualTo(400);
        assertThat(hub.appends()).isZero();
    }

    @Test
    void followerWithUnreachableWriter_waitsTheWriterWaitThenAnswers50003NotApplied() throws Exception {
        String url = deadUrl();
        Rest rest = new Rest(start(hub.follower(() -> Optional.of(url)), Map.of(WRITER_WAIT, "400"))
                .url());

        Rest.Answer answer = rest.register(subject(), "\"int\"");

        assertThat(answer.errorCode()).isEqualTo(50003);
        assertThat(answer.message())
                .isEqualTo("Error while forwarding the request to the leader: the writer at " + url
                        + " could not be reached within 400 ms (leader.wait.timeout.ms); the write was not applied");
    }

    @Test
    void followerWhoseWriterDied_forwardsToTheNewWriterOnceItIsKnown() throws Exception {
        RegistryServer newWriter = start(hub.writer(), Map.of());
        AtomicReference<Optional<String>> writerUrl = new AtomicReference<>(Optional.of(deadUrl()));
        Rest follower = new Rest(start(hub.follower(writerUrl::get), Map.of()).url());
        String s = subject();
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                .execute(() -> writerUrl.set(Optional.of(newWriter.url())));

        Rest.Answer registered = follower.register(s, record("Failover", "a"));

        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(hub.appends()).isEqualTo(1);
        assertThat(follower.get("/subjects/" + s + "/versions/1").status()).isEqualTo(200);
    }

    @Test
    void followerWithoutWriter_forwardsOnceOneIsElected() {
        RegistryServer elected = start(hub.writer(), Map.of());
        AtomicReference<Optional<String>> writerUrl = new AtomicReference<>(Optional.empty());
        Rest follower = new Rest(start(hub.follower(writerUrl::get), Map.of()).url());
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                .execute(() -> writerUrl.set(Optional.of(elected.url())));

        Rest.Answer answer =
                follower.put("/config", Rest.MAPPER.createObjectNode().put("compatibility", "FULL"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(hub.appends()).isEqualTo(1);
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
    void forwardedRequestReachingANonWriter_isRefusedUnappliedAndAskedAgainUntilTheWaitEnds() {
        RegistryServer other = start(hub.follower(Optional::empty), Map.of());
        Rest follower = new Rest(start(hub.follower(() -> Optional.of(other.url())), Map.of(WRITER_WAIT, "400"))
                .url());

        Rest.Answer answer = follower.register(subject(), "\"int\"");

        assertThat(answer.errorCode()).isEqualTo(50004);
        assertThat(answer.message()).endsWith("the write was not applied");
        assertThat(hub.appends()).isZero();
    }

    @Test
    void forwardedRequest_reachingANonWriter_answers50004NotAppliedAtOnce() {
        Rest notWriter = new Rest(start(hub.follower(Optional::empty), Map.of()).url())
                .header("X-Eventcontracts-Forwarded", "1");

        long started = System.nanoTime();
        Rest.Answer answer = notWriter.register(subject(), "\"int\"");

        assertThat(answer.errorCode()).isEqualTo(50004);
        assertThat(answer.message())
                .isEqualTo("Leader not known: this instance is not the writer (yet); the write was not applied");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
    }

    private static String deadUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private RegistryServer start(dev.eventcontracts.server.internal.store.RecordLog log, Map<String, String> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(RegistryServerConfig.LISTENERS, "http://127.0.0.1:0");
        RegistryServer server = RegistryServer.start(RegistryServerConfig.of(props), url -> log);
        servers.add(server);
        return server;
    }
}

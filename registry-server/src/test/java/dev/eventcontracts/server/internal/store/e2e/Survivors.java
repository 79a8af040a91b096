package dev.eventcontracts.server.internal.store.e2e;

import dev.eventcontracts.server.internal.store.e2e.RestCalls.Reply;
import java.util.Collection;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/** What the instances left after a kill must serve: every acknowledged registration, with its id. */
final class Survivors {

    private Survivors() {}

    /**
     * Adds to {@code soft} that each survivor answers {@code GET /subjects/{s}/versions/1} with the acknowledged id.
     *
     * @param idBySubject the acknowledged registrations: subject, id of its version 1
     */
    static void serveEveryAck(
            Collection<RegistryProcess> survivors, Map<String, Integer> idBySubject, SoftAssertions soft) {
        for (RegistryProcess instance : survivors) {
            idBySubject.forEach((subject, id) -> {
                Reply version = RestCalls.get(instance.url() + "/subjects/" + subject + "/versions/1");
                soft.assertThat(version.body().path("id").asInt())
                        .as("%s on %s", subject, instance.name())
                        .isEqualTo(id);
            });
        }
    }
}

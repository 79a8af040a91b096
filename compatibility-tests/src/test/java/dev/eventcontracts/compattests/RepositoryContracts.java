package dev.eventcontracts.compattests;

import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;

/**
 * This repository's contracts ({@code schemas/}) in a fixture project of their own, renamed so that tests
 * sharing one registry never meet: the namespace {@code dev.eventcontracts.orders} becomes
 * {@code dev.eventcontracts.<id>} and the topic {@code order-events} becomes {@code <id>-order-events}.
 *
 * @param fixture the project, ready for a Maven run
 * @param id the prefix that isolates it
 */
record RepositoryContracts(FixtureBuild fixture, String id) {

    /** Lays out a fresh copy under a new id. */
    static RepositoryContracts isolated() {
        String id = Interop.uniqueName("r");
        String topic = topic().name();
        FixtureBuild fixture = FixtureBuild.ofRepositoryContracts()
                .rename("dev.eventcontracts.orders", "dev.eventcontracts." + id)
                .rename("\"" + topic, "\"" + id + "-" + topic);
        return new RepositoryContracts(fixture, id);
    }

    private static TopicContract topic() {
        return TopicContracts.load().topics().get(0);
    }

    /** The subject of a named type, e.g. {@code Money}: its full name under the renamed namespace. */
    String type(String simpleName) {
        return "dev.eventcontracts." + id + "." + simpleName;
    }

    /** The renamed key subject. */
    String keySubject() {
        return id + "-" + topic().key().subject();
    }

    /** The renamed value subject. */
    String valueSubject() {
        return id + "-" + topic().value().subject();
    }
}

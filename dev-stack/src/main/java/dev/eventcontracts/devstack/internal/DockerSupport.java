package dev.eventcontracts.devstack.internal;

import dev.eventcontracts.devstack.RunningKafka;
import java.util.Optional;

/**
 * Decides whether the docker stack can run, without touching Testcontainers classes unless they are present
 * (Testcontainers is an optional dependency of dev-stack).
 */
public final class DockerSupport {

    /** The system property that overrides the Kafka image. */
    public static final String IMAGE_PROPERTY = "stack.docker.image";
    /** Confluent Platform 8.1 ships Apache Kafka 4.1, the version the in-process stack runs. */
    public static final String DEFAULT_IMAGE = "confluentinc/cp-kafka:8.1.0";

    private DockerSupport() {}

    /**
     * Returns why the docker stack cannot run in this JVM.
     *
     * @param loader the class loader to look for Testcontainers in, not null
     * @return the reason, or empty when Testcontainers is present and finds a Docker engine
     */
    public static Optional<String> unavailableReason(ClassLoader loader) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of(
                    "Testcontainers is not on the test classpath (add org.testcontainers:kafka with test scope)");
        }
        return DockerKafka.dockerAvailable()
                ? Optional.empty()
                : Optional.of("no Docker engine is reachable (Testcontainers found no valid Docker environment)");
    }

    /**
     * Starts a single broker in a container from {@code -Dstack.docker.image}, or {@link #DEFAULT_IMAGE}.
     *
     * @return the running broker, never null; the caller closes it
     * @throws IllegalStateException if the container does not start
     */
    public static RunningKafka start() {
        return DockerKafka.start(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
    }
}

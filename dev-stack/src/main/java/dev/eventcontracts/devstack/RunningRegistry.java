package dev.eventcontracts.devstack;

/**
 * A schema registry started for tests by a {@link RegistryProvider}.
 *
 * <p>Tests receive it by injection when their class is annotated {@code @WithKafka(registry = true)}; the
 * {@link KafkaExtension} closes it before the Kafka it stores its schemas in.
 *
 * @since 0.1.0
 */
public interface RunningRegistry extends AutoCloseable {

    /**
     * Returns the registry's base URL.
     *
     * @return the URL for {@code schema.registry.url}, for example {@code http://localhost:8081}; never null
     */
    String url();

    /**
     * Stops the registry; calling it again does nothing. Declares no checked exception so that tests and the
     * extension can close it without wrapping.
     */
    @Override
    void close();
}

package dev.eventcontracts.maven.internal;

import dev.eventcontracts.client.RegistryException;

/**
 * Turns registry failures into messages that say what was attempted, where, and what the registry answered.
 */
public final class RegistryFailures {

    private RegistryFailures() {}

    /**
     * Wraps a registry failure.
     *
     * @param attempt what the goal tried, e.g. {@code "register subject 'x'"}; never null
     * @param registry the registry URL(s), without credentials; never null
     * @param e the failure; never null
     * @return the exception to throw; never null
     */
    public static GateException toGateException(String attempt, String registry, RegistryException e) {
        String answer = e.status() == 0
                ? "the registry is unreachable (" + e.getMessage() + "). Check schemaRegistryUrls / "
                        + "-Dschema.registry.url, or skip with -Dkafka-schema-registry.skip=true"
                : "the registry answered HTTP " + e.status()
                        + (e.errorCode() != 0 ? " error_code " + e.errorCode() : "") + ": " + e.getMessage();
        return new GateException("Could not " + attempt + " at " + registry + ": " + answer, e);
    }
}

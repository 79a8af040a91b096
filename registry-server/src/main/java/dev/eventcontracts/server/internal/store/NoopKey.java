package dev.eventcontracts.server.internal.store;

/**
 * Key of a no-op record ({@code {"keytype":"NOOP","magic":0}}, value null), written to find the end of the log.
 * It carries no state: appliers ignore it.
 */
public record NoopKey() implements RegistryKey {}

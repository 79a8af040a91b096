package dev.eventcontracts.server.internal.store;

/**
 * The key of one record of the registry's store topic, in Confluent Schema Registry's format.
 *
 * <p>{@link RecordCodec} writes the keys byte-identical to Confluent (field order as Confluent writes them):
 * <pre>
 * {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}
 * {"keytype":"CONFIG","subject":"s","magic":0}      {"keytype":"CONFIG","magic":0} (global)
 * {"keytype":"MODE","subject":"s","magic":0}        {"keytype":"MODE","magic":0} (global)
 * {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}
 * {"keytype":"CLEAR_SUBJECT","subject":"s","magic":0}
 * {"keytype":"NOOP","magic":0}
 * </pre>
 * Compaction works on the exact key bytes, so two equal keys must always encode to the same bytes.
 */
public sealed interface RegistryKey permits SchemaKey, ConfigKey, ModeKey, DeleteSubjectKey, ClearSubjectKey, NoopKey {}

package dev.eventcontracts.serde.internal;

import dev.eventcontracts.serde.RecordNameStrategy;
import dev.eventcontracts.serde.SubjectNameStrategy;
import dev.eventcontracts.serde.TopicNameStrategy;
import dev.eventcontracts.serde.TopicRecordNameStrategy;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/** Instantiates a subject name strategy from a class name, accepting Confluent's names for the built-ins. */
public final class StrategyLoader {

    private static final String CONFLUENT = "io.confluent.kafka.serializers.subject.";

    private static final Map<String, Supplier<SubjectNameStrategy>> BUILT_IN = Map.of(
            TopicNameStrategy.class.getName(),
            TopicNameStrategy::new,
            RecordNameStrategy.class.getName(),
            RecordNameStrategy::new,
            TopicRecordNameStrategy.class.getName(),
            TopicRecordNameStrategy::new,
            CONFLUENT + "TopicNameStrategy",
            TopicNameStrategy::new,
            CONFLUENT + "RecordNameStrategy",
            RecordNameStrategy::new,
            CONFLUENT + "TopicRecordNameStrategy",
            TopicRecordNameStrategy::new);

    private StrategyLoader() {}

    /**
     * Returns a new strategy instance.
     *
     * @param key the configuration key, for the error message
     * @param className the configured class name
     * @return the strategy; never null
     * @throws ConfigException naming key, value and expectation when the class is unknown or unsuitable
     */
    public static SubjectNameStrategy load(String key, String className) {
        Supplier<SubjectNameStrategy> builtIn = BUILT_IN.get(className);
        if (builtIn != null) {
            return builtIn.get();
        }
        try {
            Class<?> type = Class.forName(className, true, classLoader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(
                        key,
                        className,
                        "expected TopicNameStrategy, RecordNameStrategy, "
                                + "TopicRecordNameStrategy or a class implementing "
                                + SubjectNameStrategy.class.getName());
            }
            return (SubjectNameStrategy) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigException(
                    key,
                    className,
                    "expected TopicNameStrategy, RecordNameStrategy, "
                            + "TopicRecordNameStrategy or a loadable class implementing "
                            + SubjectNameStrategy.class.getName() + " with a public no-argument constructor ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StrategyLoader.class.getClassLoader();
    }
}

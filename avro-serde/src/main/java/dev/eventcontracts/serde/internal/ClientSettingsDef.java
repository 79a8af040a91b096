package dev.eventcontracts.serde.internal;

import dev.eventcontracts.client.RegistryClientSettings;
import dev.eventcontracts.client.RegistryConfigException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Declares the registry client's settings in a Kafka {@link ConfigDef} from their one declaration,
 * {@link RegistryClientSettings}: the serde repeats no key, default or check of the client's.
 */
public final class ClientSettingsDef {

    private ClientSettingsDef() {}

    /**
     * Adds every registry-client setting to a definition.
     *
     * @param def the serde's definition; never null
     * @return the same definition
     */
    public static ConfigDef addTo(ConfigDef def) {
        for (RegistryClientSettings.Setting setting : RegistryClientSettings.all()) {
            def.define(
                    setting.key(),
                    type(setting.type()),
                    setting.required() ? ConfigDef.NO_DEFAULT_VALUE : setting.defaultValue(),
                    new ClientCheck(setting),
                    ConfigDef.Importance.valueOf(setting.importance().name()),
                    setting.doc());
        }
        return def;
    }

    private static ConfigDef.Type type(RegistryClientSettings.Type type) {
        return ConfigDef.Type.valueOf(type.name());
    }

    /** The client's own check of one setting, reported as Kafka reports invalid values. */
    private record ClientCheck(RegistryClientSettings.Setting setting) implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            try {
                setting.check(value);
            } catch (RegistryConfigException e) {
                throw new ConfigException(name, value instanceof Password ? "[hidden]" : value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return setting.expectation().replaceFirst("^expected ", "");
        }
    }
}

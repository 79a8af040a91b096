package dev.eventcontracts.server;

import dev.eventcontracts.server.internal.store.kafka.KafkaStoreConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings table of the README, generated from {@link RegistryServerConfig#definition()} so that the docs
 * cannot drift from the declaration ({@code ConfigDocsTest} fails when the README is stale). Regenerate with
 * {@code java -cp target/registry-server-<version>-all.jar dev.eventcontracts.server.ConfigDocs}.
 */
final class ConfigDocs {

    private ConfigDocs() {}

    /** The Markdown table of every setting, sorted by key. */
    static String markdown() {
        List<ConfigDef.ConfigKey> keys =
                new ArrayList<>(RegistryServerConfig.definition().configKeys().values());
        keys.sort((a, b) -> a.name.compareTo(b.name));
        StringBuilder md = new StringBuilder("| key | type | default | valid values | description |\n");
        md.append("|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : keys) {
            md.append("| `")
                    .append(key.name)
                    .append("` | ")
                    .append(key.type.name().toLowerCase())
                    .append(" | ")
                    .append(defaultOf(key))
                    .append(" | ")
                    .append(key.validator == null ? "" : cell(key.validator.toString()))
                    .append(" | ")
                    .append(cell(key.documentation))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (key.name.equals(KafkaStoreConfig.BOOTSTRAP_SERVERS)) {
            return "\"\" (in-memory store: one instance, development only)";
        }
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value == null || value instanceof Password) {
            return "";
        }
        String text = value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Prints the table. */
    public static void main(String[] args) {
        System.out.print(markdown());
    }
}

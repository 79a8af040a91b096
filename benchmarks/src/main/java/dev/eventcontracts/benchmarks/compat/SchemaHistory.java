package dev.eventcontracts.benchmarks.compat;

import dev.eventcontracts.compat.VersionedSchema;
import dev.eventcontracts.schema.AvroSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A subject with a long, realistic history: 100 versions of a 50-field event, each version compatible with
 * all others in both directions, as a FULL_TRANSITIVE subject accumulates them.
 *
 * <p>Every version has 45 stable fields of every kind (strings, numbers, decimals, timestamps, an enum with a
 * default, an optional union, a nested record, an array of records, a map) and 5 optional fields with
 * defaults that rotate from version to version (added and dropped, as real schemas evolve), plus docs that
 * change each version.
 */
public final class SchemaHistory {

    /** The number of fields of every version. */
    public static final int FIELDS = 50;

    private static final int ROTATING = 5;

    private SchemaHistory() {}

    /** Returns versions 1 to {@code count}, oldest first. */
    static List<VersionedSchema> versions(int count) {
        List<VersionedSchema> versions = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            versions.add(new VersionedSchema(v, AvroSchema.parse(schema(v, false))));
        }
        return versions;
    }

    /** Returns the candidate that follows {@code count} versions: compatible, or with two breaking changes. */
    static AvroSchema candidate(int count, boolean breaking) {
        return AvroSchema.parse(schema(count + 1, breaking));
    }

    /**
     * Returns the text of version {@code version}; {@code breaking} turns field {@code f0} from string to int and
     * the scale of decimal {@code f2} from 2 to 3, which breaks compatibility with every other version.
     */
    public static String text(int version, boolean breaking) {
        return schema(version, breaking);
    }

    private static String schema(int version, boolean breaking) {
        StringBuilder s = new StringBuilder("{\"type\":\"record\",\"name\":\"OrderPlaced\",\"namespace\":\"bench\","
                + "\"doc\":\"version " + version + "\",\"fields\":[");
        for (int i = 0; i < FIELDS - ROTATING; i++) {
            s.append(field(i, version, breaking)).append(',');
        }
        for (int r = 0; r < ROTATING; r++) {
            s.append("{\"name\":\"extra")
                    .append(version + r)
                    .append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
            s.append(r < ROTATING - 1 ? "," : "");
        }
        return s.append("]}").toString();
    }

    private static String field(int i, int version, boolean breaking) {
        String name = "f" + i;
        String doc = ",\"doc\":\"field " + i + " as of version " + version + "\"";
        String type = switch (i % 9) {
            case 0 -> breaking && i == 0 ? "\"int\"" : "\"string\"";
            case 1 -> "\"long\"";
            case 2 ->
                "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":"
                        + (breaking && i == 2 ? 3 : 2) + "}";
            case 3 -> "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";
            case 4 ->
                "{\"type\":\"enum\",\"name\":\"Status" + i + "\",\"symbols\":[\"NEW\",\"PAID\",\"SHIPPED\"],"
                        + "\"default\":\"NEW\"}";
            case 5 -> "[\"null\",\"string\"],\"default\":null";
            case 6 ->
                "{\"type\":\"record\",\"name\":\"Money" + i + "\",\"fields\":[{\"name\":\"amount\",\"type\":"
                        + "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}},"
                        + "{\"name\":\"currency\",\"type\":\"string\"}]}";
            case 7 ->
                "{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"Line" + i + "\",\"fields\":["
                        + "{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}]}}";
            default -> "{\"type\":\"map\",\"values\":\"double\"}";
        };
        return "{\"name\":\"" + name + "\",\"type\":" + type + doc + "}";
    }
}

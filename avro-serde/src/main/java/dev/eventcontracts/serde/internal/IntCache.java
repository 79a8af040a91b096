package dev.eventcontracts.serde.internal;

import java.util.Arrays;

/**
 * A copy-on-write map from int keys (schema ids) to values: reads are lock-free and allocation-free (no boxing),
 * writes copy the table. Schema ids are few and added rarely, so copying is cheap.
 *
 * @param <V> the value type
 */
final class IntCache<V> {

    private volatile Table<V> table = new Table<>(new int[8], new Object[8]);

    V get(int key) {
        return table.get(key);
    }

    synchronized void put(int key, V value) {
        table = table.with(key, value);
    }

    /** An open-addressing table, never modified once published. */
    private record Table<V>(int[] keys, Object[] values) {

        @SuppressWarnings("unchecked")
        V get(int key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                Object value = values[i];
                if (value == null) {
                    return null;
                }
                if (keys[i] == key) {
                    return (V) value;
                }
            }
        }

        Table<V> with(int key, V value) {
            int size = 1;
            for (Object v : values) {
                size += v == null ? 0 : 1;
            }
            int capacity = keys.length;
            while (size * 2 > capacity) {
                capacity <<= 1;
            }
            Table<V> copy = new Table<>(new int[capacity], new Object[capacity]);
            for (int i = 0; i < keys.length; i++) {
                if (values[i] != null && keys[i] != key) {
                    copy.insert(keys[i], values[i]);
                }
            }
            copy.insert(key, value);
            return copy;
        }

        private void insert(int key, Object value) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Table<?> t && Arrays.equals(keys, t.keys) && Arrays.equals(values, t.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }

        @Override
        public String toString() {
            return "Table" + Arrays.toString(keys);
        }
    }
}

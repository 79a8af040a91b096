package dev.eventcontracts.serde.internal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy-on-write map keyed by object identity, for the serializer's hot path: a read is one volatile load and
 * an {@link IdentityHashMap} probe, with no lock and no allocation. Writes (a new schema object) copy the map.
 *
 * @param <K> the key type, compared with {@code ==}
 * @param <V> the value type
 */
final class IdentityCache<K, V> {

    private volatile Map<K, V> map = new IdentityHashMap<>();

    V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        Map<K, V> copy = new IdentityHashMap<>(map);
        copy.put(key, value);
        map = copy;
    }
}

package dev.eventcontracts.serde.internal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy-on-write map keyed by object identity, for the serializer's hot path: a read is one volatile load and
 * an {@link IdentityHashMap} probe, with no lock and no allocation. Writes (a new schema object) copy the map.
 *
 * <p>Bounded: an application that builds a new (equal) schema object per record would otherwise grow it
 * forever; past the capacity it starts over, and lookups fall back to the equality-keyed cache behind it.
 *
 * @param <K> the key type, compared with {@code ==}
 * @param <V> the value type
 */
final class IdentityCache<K, V> {

    static final int CAPACITY = 1024;

    private volatile Map<K, V> map = new IdentityHashMap<>();

    V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        Map<K, V> copy = map.size() >= CAPACITY ? new IdentityHashMap<>() : new IdentityHashMap<>(map);
        copy.put(key, value);
        map = copy;
    }

    int size() {
        return map.size();
    }
}

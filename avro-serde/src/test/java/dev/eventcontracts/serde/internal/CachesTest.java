package dev.eventcontracts.serde.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachesTest {

    @Test
    void intCache_manyIds_findsEachAndMissesOthers() {
        IntCache<String> cache = new IntCache<>();
        for (int id = 1; id <= 500; id++) {
            cache.put(id * 7, "id" + id);
        }

        for (int id = 1; id <= 500; id++) {
            assertThat(cache.get(id * 7)).isEqualTo("id" + id);
        }
        assertThat(cache.get(3)).isNull();
        assertThat(cache.get(0)).isNull();
    }

    @Test
    void intCache_sameKeyTwice_keepsLatest() {
        IntCache<String> cache = new IntCache<>();
        cache.put(5, "a");
        cache.put(5, "b");

        assertThat(cache.get(5)).isEqualTo("b");
    }

    @Test
    void identityCache_equalButDistinctKeys_areDifferentEntries() {
        IdentityCache<String, Integer> cache = new IdentityCache<>();
        String a = new String("schema");
        String b = new String("schema");
        cache.put(a, 1);

        assertThat(cache.get(a)).isEqualTo(1);
        assertThat(cache.get(b)).isNull();
    }

    @Test
    void identityCache_pastCapacity_startsOver() {
        IdentityCache<Object, Integer> cache = new IdentityCache<>();
        for (int i = 0; i < IdentityCache.CAPACITY + 10; i++) {
            cache.put(new Object(), i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(IdentityCache.CAPACITY);
    }
}

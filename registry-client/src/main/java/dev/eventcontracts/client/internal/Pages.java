package dev.eventcontracts.client.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads a list a registry may answer in pages ({@code offset}, {@code limit}), to its end, whatever the registry.
 *
 * <p>The first request carries no paging parameter and each next one the offset after the items received; the list
 * ends with an empty page. It never relies on a page being shorter than a limit: Confluent answers its default page
 * size when a requested limit exceeds its max, so a short page proves nothing. A registry that ignores
 * {@code offset} (older Confluent, Apicurio, Karapace) answers the whole list again, which holds no new item: the
 * list is complete. An item already received is not repeated (a registration between two requests shifts the
 * pages); an item deleted between two requests may shift another out of view, as with any offset paging.
 */
final class Pages {

    /** Far beyond any registry; stops a registry that never answers an empty page. */
    private static final int MAX_PAGES = 1_000_000;

    private Pages() {}

    /**
     * Reads every page.
     *
     * @param pageAt the page at an offset; {@code 0} means the request without paging parameters
     * @return the items in the order received, without repeats
     */
    static <T> List<T> all(IntFunction<List<T>> pageAt) {
        List<T> all = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        int offset = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            List<T> page = pageAt.apply(offset);
            boolean added = false;
            for (T item : page) {
                if (seen.add(item)) {
                    all.add(item);
                    added = true;
                }
            }
            if (!added) {
                return all;
            }
            offset += page.size();
        }
        throw new IllegalStateException("the registry answered more than " + MAX_PAGES + " pages of one list");
    }
}

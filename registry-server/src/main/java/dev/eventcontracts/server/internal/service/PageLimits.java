package dev.eventcontracts.server.internal.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The page sizes of one kind of list and Confluent's rule for applying them ({@code normalizeLimit}): a requested
 * {@code limit} counts only when it is positive and at most {@code maxLimit}; anything else, absent ({@code -1}),
 * zero, negative or too large, gets {@code defaultLimit}. Too large is not clamped to the max, as in Confluent.
 *
 * @param defaultLimit the page size when the request names no usable limit, at least 1
 * @param maxLimit the largest limit a request may name, at least 1
 */
public record PageLimits(int defaultLimit, int maxLimit) {

    /**
     * The page of {@code all} that {@code offset} and {@code limit} select, after filtering and sorting.
     *
     * @param offset how many items to skip; beyond the end gives an empty page
     * @param limit the requested page size, {@code -1} when the request names none
     * @throws RegistryException 422 when {@code offset} is negative
     */
    public <T> List<T> page(List<T> all, int offset, int limit) {
        if (offset < 0) {
            // Confluent's Stream.skip throws here and its REST layer answers 500; a client error deserves a 4xx
            throw new RegistryException(
                    ErrorKind.UNPROCESSABLE_ENTITY,
                    "Invalid offset " + offset + ": the offset of a list must be 0 or more");
        }
        int size = limit > 0 && limit <= maxLimit ? limit : defaultLimit;
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) from + size);
        return from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
    }
}

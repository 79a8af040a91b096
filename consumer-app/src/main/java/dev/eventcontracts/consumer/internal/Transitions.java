package dev.eventcontracts.consumer.internal;

import java.util.Map;
import java.util.Set;

/**
 * The order lifecycle the read model enforces: created, paid, shipped, delivered, possibly returned; cancelled
 * before shipping. A status this consumer's contract does not know reads as {@code UNKNOWN} (the enum's
 * default) and is accepted, so that a consumer on an older contract keeps working when producers move on.
 */
final class Transitions {

    static final String UNKNOWN = "UNKNOWN";
    static final String CREATED = "CREATED";
    static final String CANCELLED = "CANCELLED";

    private static final Map<String, Set<String>> NEXT = Map.of(
            CREATED,
            Set.of("PAID"),
            "PAID",
            Set.of("SHIPPED"),
            "SHIPPED",
            Set.of("DELIVERED"),
            "DELIVERED",
            Set.of("RETURNED"));
    private static final Set<String> CANCELLABLE = Set.of(CREATED, "PAID", UNKNOWN);
    private static final Set<String> FINAL = Set.of(CANCELLED, "RETURNED");

    private Transitions() {}

    /**
     * Checks a status change against the order's current status.
     *
     * @return null when allowed, else why not
     */
    static String checkChange(String current, String previous, String next) {
        if (FINAL.contains(current)) {
            return "order is " + current + "; no status change may follow";
        }
        if (!UNKNOWN.equals(previous) && !UNKNOWN.equals(current) && !current.equals(previous)) {
            return "event says the previous status was " + previous + " but the order is " + current;
        }
        if (UNKNOWN.equals(next) || UNKNOWN.equals(current)) {
            return null;
        }
        if (!NEXT.getOrDefault(current, Set.of()).contains(next)) {
            return "status " + current + " cannot change to " + next;
        }
        return null;
    }

    /**
     * Checks a cancellation against the order's current status.
     *
     * @return null when allowed, else why not
     */
    static String checkCancel(String current) {
        return CANCELLABLE.contains(current) ? null : "an order that is " + current + " cannot be cancelled";
    }
}

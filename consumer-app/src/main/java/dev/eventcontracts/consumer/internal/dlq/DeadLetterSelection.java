package dev.eventcontracts.consumer.internal.dlq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which dead letters to re-drive: by reason, by consumer group, by a range of dead-letter offsets of one partition,
 * by event id — every criterion given must match. An empty criterion matches everything.
 *
 * @param reasons the {@code dlq.error.reason} values; empty for any; never null
 * @param groups the {@code dlq.consumer.group} values; empty for any; never null
 * @param partition the dead-letter partition, or -1 for every partition
 * @param fromOffset the first dead-letter offset (inclusive), or 0
 * @param toOffset the last dead-letter offset (inclusive), or {@code Long.MAX_VALUE}
 * @param eventIds the event ids; empty for any; never null
 */
public record DeadLetterSelection(
        Set<String> reasons, Set<String> groups, int partition, long fromOffset, long toOffset, Set<String> eventIds) {

    /** Copies the sets (sorted, so that {@link #id()} does not depend on the order given) and checks the range. */
    public DeadLetterSelection {
        reasons = Set.copyOf(new TreeSet<>(Objects.requireNonNull(reasons, "reasons")));
        groups = Set.copyOf(new TreeSet<>(Objects.requireNonNull(groups, "groups")));
        eventIds = Set.copyOf(new TreeSet<>(Objects.requireNonNull(eventIds, "eventIds")));
        if (fromOffset < 0 || toOffset < fromOffset) {
            throw new IllegalArgumentException("offset range " + fromOffset + ".." + toOffset
                    + " is empty; --from-offset must be at most --to-offset");
        }
        if (partition < 0 && (fromOffset > 0 || toOffset < Long.MAX_VALUE)) {
            throw new IllegalArgumentException("an offset range needs --partition: offsets are per partition");
        }
    }

    /** Returns whether nothing narrows the selection: every dead letter matches. */
    public boolean isEverything() {
        return reasons.isEmpty() && groups.isEmpty() && partition < 0 && eventIds.isEmpty();
    }

    /**
     * Returns whether a dead letter is selected.
     *
     * @param letter the dead letter; never null
     * @param eventIdOf finds the event id of a dead letter that has no {@code ce_id} header (by decoding it), or
     *     null when it cannot; never null
     * @return whether to re-drive it
     */
    public boolean matches(DeadLetterRecord letter, Function<DeadLetterRecord, String> eventIdOf) {
        if (partition >= 0
                && (letter.record().partition() != partition
                        || letter.record().offset() < fromOffset
                        || letter.record().offset() > toOffset)) {
            return false;
        }
        if (!reasons.isEmpty() && !reasons.contains(letter.reason())) {
            return false;
        }
        if (!groups.isEmpty() && !groups.contains(letter.group())) {
            return false;
        }
        if (!eventIds.isEmpty()) {
            String eventId = letter.eventIdHeader() != null ? letter.eventIdHeader() : eventIdOf.apply(letter);
            return eventId != null && eventIds.contains(eventId);
        }
        return true;
    }

    /** Returns the selection in words, e.g. {@code reason INVALID_EVENT, group orders}; never null. */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (!reasons.isEmpty()) {
            parts.add("reason " + String.join(" or ", new TreeSet<>(reasons)));
        }
        if (!groups.isEmpty()) {
            parts.add("group " + String.join(" or ", new TreeSet<>(groups)));
        }
        if (partition >= 0) {
            parts.add("partition " + partition + " offsets " + fromOffset + ".."
                    + (toOffset == Long.MAX_VALUE ? "end" : Long.toString(toOffset)));
        }
        if (!eventIds.isEmpty()) {
            parts.add(eventIds.size() == 1 ? "event " + eventIds.iterator().next() : eventIds.size() + " event ids");
        }
        return parts.isEmpty() ? "every dead letter" : String.join(", ", parts);
    }

    /**
     * Returns a short stable id of this selection: the same selection, given again, names the same re-drive, whose
     * progress it resumes.
     *
     * @return eight hex digits; never null
     */
    public String id() {
        String canonical = new TreeSet<>(reasons) + "|" + new TreeSet<>(groups) + "|" + partition + "|" + fromOffset
                + "|" + toOffset + "|" + new TreeSet<>(eventIds);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

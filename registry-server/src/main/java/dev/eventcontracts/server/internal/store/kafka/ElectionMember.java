package dev.eventcontracts.server.internal.store.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What one instance tells the election group about itself (its advertised URL and whether it may write), and
 * how it hears the outcome. The {@link WriterAssignor} of the instance's election consumer gets it through the
 * consumer's configuration.
 */
interface ElectionMember {

    /** Configuration key under which the election consumer passes this member to its assignor. */
    String CONFIG_KEY = "eventcontracts.election.member";

    /** The URL other instances forward writes to; never null. */
    String url();

    /** Whether this instance may become the writer ({@code leader.eligibility}). */
    boolean eligible();

    /**
     * Called after every rebalance with the outcome.
     *
     * @param writerMemberId the group member id of the writer; empty when no member is eligible
     * @param writerUrl the writer's URL; empty when no member is eligible
     * @param selfMemberId this member's id in the group
     */
    void outcome(Optional<String> writerMemberId, Optional<String> writerUrl, String selfMemberId);

    /** Encodes a member's subscription data: version, eligibility, URL. */
    static ByteBuffer encodeSubscription(boolean eligible, String url) {
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + Integer.BYTES + bytes.length)
                .put((byte) 1)
                .put((byte) (eligible ? 1 : 0))
                .putInt(bytes.length)
                .put(bytes)
                .flip();
    }

    /** Encodes the outcome every member receives: the writer's member id and URL (both empty for none). */
    static ByteBuffer encodeOutcome(String writerMemberId, String writerUrl) {
        byte[] id = writerMemberId.getBytes(StandardCharsets.UTF_8);
        byte[] url = writerUrl.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 2 * Integer.BYTES + id.length + url.length)
                .put((byte) 1)
                .putInt(id.length)
                .put(id)
                .putInt(url.length)
                .put(url)
                .flip();
    }

    /** Reads a string written by the encoders above. */
    static String readString(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

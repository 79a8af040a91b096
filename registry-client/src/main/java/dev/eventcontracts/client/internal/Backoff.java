package dev.eventcontracts.client.internal;

import java.time.Duration;

/**
 * Exponential backoff with "equal jitter": before retry {@code n} (0-based) the wait is drawn between half and
 * all of {@code min(first * 2^n, longest)}, so concurrent clients spread out but a wait never collapses to
 * nothing.
 */
public final class Backoff {

    private final long firstMillis;
    private final long longestMillis;

    /**
     * Creates the backoff.
     *
     * @param first the bound of the first wait
     * @param longest the largest bound
     */
    public Backoff(Duration first, Duration longest) {
        this.firstMillis = first.toMillis();
        this.longestMillis = longest.toMillis();
    }

    /**
     * Returns the upper bound of the wait before a retry.
     *
     * @param retry the retry number, 0 for the first retry
     * @return the bound in milliseconds
     */
    public long boundMillis(int retry) {
        int exponent = Math.min(Math.max(retry, 0), 30);
        long bound = firstMillis << exponent;
        return bound < 0 || bound > longestMillis ? longestMillis : bound;
    }

    /**
     * Returns the wait before a retry.
     *
     * @param retry the retry number, 0 for the first retry
     * @param random a number in {@code [0, 1)}
     * @return the wait in milliseconds, between half and all of {@link #boundMillis(int)}
     */
    public long delayMillis(int retry, double random) {
        long bound = boundMillis(retry);
        long half = bound / 2;
        return half + (long) (random * (bound - half));
    }
}

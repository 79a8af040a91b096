package dev.eventcontracts.benchmarks;

import java.util.List;

/** The summaries the harnesses report over repeated runs, in one place so that every table means the same. */
public final class Statistics {

    private Statistics() {}

    /**
     * Returns the median: the middle value, or the mean of the two middle values of an even count.
     *
     * @param values the values, in any order; not empty
     * @return the median
     * @throws IllegalArgumentException when there are no values
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

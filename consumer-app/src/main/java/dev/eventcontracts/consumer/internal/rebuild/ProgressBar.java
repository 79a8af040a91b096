package dev.eventcontracts.consumer.internal.rebuild;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows how a long run advances: on a terminal one line redrawn in place, {@code [=====>    ]  45%
 * 45,000/100,000 events  12,345 events/s  ETA 4 s}; elsewhere (a log, a pipe) the same text as a new line every
 * ten seconds, so that logs stay readable.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long LINE_EVERY_NANOS = 10_000_000_000L;
    private static final long REDRAW_EVERY_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long started;
    private long lastShown;

    /**
     * Creates a progress display.
     *
     * @param out where to; never null
     * @param terminal whether {@code out} is a terminal that understands a carriage return
     * @param startedNanos when the run started, {@link System#nanoTime()}
     */
    public ProgressBar(PrintWriter out, boolean terminal, long startedNanos) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.started = startedNanos;
        this.lastShown = startedNanos;
    }

    /**
     * Shows the progress if it is time to.
     *
     * @param done units done
     * @param total units in all; 0 when unknown
     */
    public void update(long done, long total) {
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? REDRAW_EVERY_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        lastShown = now;
        String line = line(done, total, now - started);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the display: the last line stays, and what follows starts on a new line. */
    public void finish(long done, long total) {
        String line = line(done, total, System.nanoTime() - started);
        out.print(terminal ? "\r" + line + System.lineSeparator() : line + System.lineSeparator());
        out.flush();
    }

    /**
     * Formats one progress line.
     *
     * @param done units done
     * @param total units in all; 0 when unknown
     * @param elapsedNanos time since the start
     * @return the line, without a line break; never null
     */
    public static String line(long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        long rate = Math.round(done / seconds);
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[')
                    .append("=".repeat(Math.max(0, filled - 1)))
                    .append(filled > 0 ? (filled == WIDTH ? "=" : ">") : "")
                    .append(" ".repeat(WIDTH - filled))
                    .append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)));
            line.append(String.format(Locale.ROOT, "  %,d/%,d events", done, total));
        } else {
            line.append(String.format(Locale.ROOT, "%,d events", done));
        }
        line.append(String.format(Locale.ROOT, "  %,d events/s", rate));
        if (total > 0 && done < total) {
            line.append(rate > 0 ? "  ETA " + duration((total - done) / rate) : "  ETA ?");
        }
        return line.toString();
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}

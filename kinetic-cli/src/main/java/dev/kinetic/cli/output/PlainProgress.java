package dev.kinetic.cli.output;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress as plain lines ({@code Processing: 40000/100000 records (40%), 52000/s, failed 3}), at most one per
 * interval and one at the end, for logs and pipes where a redrawn bar would be noise. Not thread-safe.
 */
final class PlainProgress implements Progress {
    private final PrintWriter out;
    private final String task;
    private final Unit unit;
    private final Clock clock;
    private final Duration interval;
    private final Instant started;
    private Instant lastPrinted;
    private long total;
    private long current;
    private String extra = "";
    private long printedValue = -1;

    PlainProgress(PrintWriter out, String task, long total, Unit unit, Clock clock, Duration interval) {
        this.out = out;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.clock = clock;
        this.interval = interval;
        this.started = clock.instant();
        this.lastPrinted = started;
    }

    @Override
    public void update(long current, String extra) {
        this.current = current;
        this.extra = extra == null ? "" : extra;
        Instant now = clock.instant();
        if (Duration.between(lastPrinted, now).compareTo(interval) >= 0) {
            print(now);
        }
    }

    @Override
    public void total(long total) {
        this.total = total;
    }

    @Override
    public void close() {
        if (printedValue != current) {
            print(clock.instant());
        }
    }

    private void print(Instant now) {
        lastPrinted = now;
        printedValue = current;
        StringBuilder line = new StringBuilder(task).append(": ").append(unit.format(current));
        if (total > 0) {
            line.append(" of ").append(unit.format(total))
                    .append(" (").append(Math.min(100, current * 100 / total)).append("%)");
        }
        double seconds = Duration.between(started, now).toMillis() / 1000.0;
        if (seconds > 0) {
            line.append(", ").append(unit.format((long) (current / seconds))).append("/s");
        }
        if (!extra.isEmpty()) {
            line.append(", ").append(extra);
        }
        out.println(line);
        out.flush();
    }
}

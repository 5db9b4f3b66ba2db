package dev.kinetic.cli.output;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress as a live bar (rate and estimated time left), for a terminal. Not thread-safe. */
final class BarProgress implements Progress {
    private final ProgressBar bar;

    BarProgress(PrintStream terminal, String task, long total, Unit unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .setUpdateIntervalMillis(200)
                .showSpeed()
                .continuousUpdate();
        if (unit == Unit.BYTES) {
            builder.setUnit(" MB", 1024 * 1024);
        } else {
            builder.setUnit(" rec", 1);
        }
        this.bar = builder.build();
    }

    @Override
    public void update(long current, String extra) {
        bar.stepTo(current);
        if (extra != null && !extra.isEmpty()) {
            bar.setExtraMessage(" " + extra);
        }
    }

    @Override
    public void total(long total) {
        if (total > 0) {
            bar.maxHint(total);
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}

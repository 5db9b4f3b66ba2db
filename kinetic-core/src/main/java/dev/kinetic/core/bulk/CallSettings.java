package dev.kinetic.core.bulk;

import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * What {@link IngestOptions} and {@link QueryOptions} share: the CSV format, a progress callback (bytes uploaded, or
 * records read) and how to wait. Immutable; each {@code with...} returns a copy.
 */
final class CallSettings {
    static final CallSettings DEFAULTS = new CallSettings(LineEnding.LF, ColumnDelimiter.COMMA, n -> { },
            PollOptions.defaults());

    private final LineEnding lineEnding;
    private final ColumnDelimiter columnDelimiter;
    private final LongConsumer progress;
    private final PollOptions poll;

    private CallSettings(LineEnding lineEnding, ColumnDelimiter columnDelimiter, LongConsumer progress,
                         PollOptions poll) {
        this.lineEnding = lineEnding;
        this.columnDelimiter = columnDelimiter;
        this.progress = progress;
        this.poll = poll;
    }

    LineEnding lineEnding() {
        return lineEnding;
    }

    ColumnDelimiter columnDelimiter() {
        return columnDelimiter;
    }

    LongConsumer progress() {
        return progress;
    }

    PollOptions poll() {
        return poll;
    }

    CallSettings withLineEnding(LineEnding value) {
        return new CallSettings(Objects.requireNonNull(value, "lineEnding == null"), columnDelimiter, progress, poll);
    }

    CallSettings withColumnDelimiter(ColumnDelimiter value) {
        return new CallSettings(lineEnding, Objects.requireNonNull(value, "columnDelimiter == null"), progress, poll);
    }

    /** The callback, checked for null under the option's own name. */
    CallSettings withProgress(LongConsumer value, String name) {
        return new CallSettings(lineEnding, columnDelimiter, Objects.requireNonNull(value, name + " == null"), poll);
    }

    CallSettings withPoll(PollOptions value) {
        return new CallSettings(lineEnding, columnDelimiter, progress, Objects.requireNonNull(value, "poll == null"));
    }

    @Override
    public String toString() {
        return "lineEnding=" + lineEnding + ", delimiter=" + columnDelimiter;
    }
}

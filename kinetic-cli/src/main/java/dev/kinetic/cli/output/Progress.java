package dev.kinetic.cli.output;

/**
 * One task's progress (upload bytes, records processed, records exported), shown as a live bar on a terminal, as
 * periodic plain lines otherwise, or not at all. Not thread-safe: update it from one thread.
 */
public interface Progress extends AutoCloseable {
    /**
     * Moves the progress to {@code current}.
     *
     * @param current the amount done so far (bytes or records)
     * @param extra   a short note shown beside it (e.g. {@code failed 3}), or empty
     */
    void update(long current, String extra);

    /** Sets the total once it is known (e.g. the number of records after the upload). */
    void total(long total);

    /** Ends the task's display. */
    @Override
    void close();

    /** A progress that shows nothing. */
    static Progress none() {
        return new Progress() {
            @Override
            public void update(long current, String extra) {
            }

            @Override
            public void total(long total) {
            }

            @Override
            public void close() {
            }
        };
    }
}

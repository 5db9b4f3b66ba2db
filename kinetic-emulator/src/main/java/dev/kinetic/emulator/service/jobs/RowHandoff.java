package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.soql.RowSink;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands query rows from the thread that runs the query to the thread that writes them, in chunks of
 * {@value #CHUNK} rows through a small bounded queue, so reading the database and formatting CSV use two cores while
 * memory stays bounded. Either side can stop the other: the writer by {@link #cancel()}, the reader by finishing or
 * failing. Thread-safe for one producer and one consumer.
 */
final class RowHandoff implements RowSink {
    static final int CHUNK = 1024;
    private static final String[][] END = new String[0][];

    private final BlockingQueue<String[][]> queue = new ArrayBlockingQueue<>(16);
    private String[][] chunk = new String[CHUNK][];
    private int size;
    private volatile boolean cancelled;

    /** The reader was cancelled by the writer. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    @Override
    public void row(String[] values) {
        chunk[size++] = values;
        if (size == CHUNK) {
            put(chunk);
            chunk = new String[CHUNK][];
            size = 0;
        }
    }

    /** Producer: no more rows. */
    void finish() {
        if (size > 0) {
            put(Arrays.copyOf(chunk, size));
        }
        put(END);
    }

    /** Producer: the query failed; the consumer sees the end and then the failure from the producer's future. */
    void fail() {
        try {
            put(END);
        } catch (Cancelled ignored) {
            // The consumer has gone already.
        }
    }

    /** Consumer: stop the producer and drop what is queued. */
    void cancel() {
        cancelled = true;
        queue.clear();
    }

    /** Consumer: the next chunk, or an empty array at the end. */
    String[][] take() throws InterruptedException {
        return queue.take();
    }

    private void put(String[][] rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
        if (cancelled) {
            throw new Cancelled();
        }
    }
}

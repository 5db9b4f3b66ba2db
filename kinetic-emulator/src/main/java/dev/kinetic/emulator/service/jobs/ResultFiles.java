package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.state.BatchLog;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.JobFiles;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;

/**
 * The result files of one ingest job while it runs: successfulResults, failedResults and unprocessedrecords. Each
 * batch appends its rows under a lock once they are durable (see {@link BatchJournal}); {@link #rebuild} writes the
 * files again from the batches the {@link BatchLog} holds, after a restart or when a job ends badly. Thread-safe.
 */
final class ResultFiles implements AutoCloseable {
    private static final List<String> SUCCESS_COLUMNS = List.of("sf__Id", "sf__Created");
    private static final List<String> FAILED_COLUMNS = List.of("sf__Id", "sf__Error");

    private final Path upload;
    private final OutputStream successes;
    private final OutputStream failures;
    private final OutputStream unprocessed;

    private ResultFiles(JobFiles files) throws IOException {
        this.upload = files.upload();
        this.successes = new BufferedOutputStream(PrivateFiles.newOutputStream(files.successes()), 1 << 16);
        this.failures = new BufferedOutputStream(PrivateFiles.newOutputStream(files.failures()), 1 << 16);
        this.unprocessed = new BufferedOutputStream(PrivateFiles.newOutputStream(files.unprocessed()), 1 << 16);
    }

    /** Creates (or empties) the three result files, each with its header row. */
    static ResultFiles open(JobFiles files, CsvDialect dialect, List<String> header, CsvScanner.Plan plan)
            throws IOException {
        ResultFiles r = new ResultFiles(files);
        new CsvWriter(dialect).header(SUCCESS_COLUMNS, header).flushTo(r.successes);
        new CsvWriter(dialect).header(FAILED_COLUMNS, header).flushTo(r.failures);
        r.unprocessed.write(read(files.upload(), new long[] {plan.headerStart(), plan.headerEnd()}));
        r.unprocessed.write(dialect.lineEnding().text().getBytes(StandardCharsets.US_ASCII));
        r.unprocessed.flush();
        return r;
    }

    /**
     * Rewrites the three files from the log: the result rows of every committed batch once, in batch order, and the
     * rows of every other batch in unprocessedrecords when {@code unprocessedRest} (a job that has ended; a job that
     * resumes processes them instead).
     *
     * @throws IOException when a committed batch's result rows are missing or cut short
     */
    static void rebuild(JobFiles files, CsvDialect dialect, List<String> header, CsvScanner.Plan plan,
                        SortedMap<Integer, BatchLog.Entry> committed, boolean unprocessedRest) throws IOException {
        try (ResultFiles r = open(files, dialect, header, plan)) {
            r.restore(files, committed.values());
            if (unprocessedRest) {
                for (int b = 0; b < plan.batches().size(); b++) {
                    if (!committed.containsKey(b)) {
                        r.unprocessed(plan.batches().get(b));
                    }
                }
            }
        }
    }

    /** Appends the result rows of committed batches, read back from their batch results files. */
    void restore(JobFiles files, Collection<BatchLog.Entry> committed) throws IOException {
        for (BatchLog.Entry e : committed) {
            Path file = files.batchResults(e.batch());
            long expected = e.successBytes() + e.failureBytes();
            if (!Files.exists(file) || Files.size(file) < expected) {
                throw new IOException("the result rows of committed batch " + e.batch() + " are missing from "
                        + file + " (expected " + expected + " bytes)");
            }
            append(read(file, new long[] {0, e.successBytes()}), read(file, new long[] {e.successBytes(), expected}));
        }
    }

    /** Appends one batch's result rows. */
    void append(byte[] successRows, byte[] failureRows) throws IOException {
        synchronized (successes) {
            successes.write(successRows);
        }
        synchronized (failures) {
            failures.write(failureRows);
        }
    }

    /** Appends the raw rows of a batch that will not be processed. */
    void unprocessed(long[] range) throws IOException {
        byte[] bytes = read(upload, range);
        synchronized (unprocessed) {
            unprocessed.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (successes) {
            successes.close();
        }
        synchronized (failures) {
            failures.close();
        }
        synchronized (unprocessed) {
            unprocessed.close();
        }
    }

    /** The header cells of the upload. */
    static List<String> header(JobFiles files, CsvScanner.Plan plan, CsvDialect dialect) throws IOException {
        byte[] bytes = read(files.upload(), new long[] {plan.headerStart(), plan.headerEnd()});
        List<String[]> rows = new CsvRowParser(dialect).parse(bytes, bytes.length, 0);
        return rows.isEmpty() ? List.of() : List.of(rows.get(0));
    }

    /** Reads the bytes {@code [range[0], range[1])} of a file. */
    static byte[] read(Path file, long[] range) throws IOException {
        int length = Math.toIntExact(range[1] - range[0]);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = range[0];
            while (buffer.hasRemaining()) {
                int n = ch.read(buffer, pos);
                if (n < 0) {
                    throw new EOFException("Upload " + file + " ended before byte " + range[1]);
                }
                pos += n;
            }
        }
        return buffer.array();
    }

    /** Result files of a job that failed as a whole: header-only results, every uploaded row unprocessed. */
    static void writeWholeFailure(JobFiles files, CsvDialect dialect, List<String> header) throws IOException {
        try (OutputStream s = PrivateFiles.newOutputStream(files.successes());
             OutputStream f = PrivateFiles.newOutputStream(files.failures())) {
            new CsvWriter(dialect).header(SUCCESS_COLUMNS, header).flushTo(s);
            new CsvWriter(dialect).header(FAILED_COLUMNS, header).flushTo(f);
        }
        if (Files.exists(files.upload())) {
            PrivateFiles.copy(files.upload(), files.unprocessed());
        } else {
            PrivateFiles.newOutputStream(files.unprocessed()).close();
        }
    }
}

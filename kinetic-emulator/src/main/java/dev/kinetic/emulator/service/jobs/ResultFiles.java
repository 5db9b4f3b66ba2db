package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.state.BatchLog;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.JobFiles;
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
    private final FileChannel successes;
    private final FileChannel failures;
    private final FileChannel unprocessed;

    private ResultFiles(JobFiles files) throws IOException {
        this.upload = files.upload();
        this.successes = PrivateFiles.open(files.successes(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.failures = PrivateFiles.open(files.failures(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.unprocessed = PrivateFiles.open(files.unprocessed(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Creates (or empties) the three result files, each with its header row. */
    static ResultFiles open(JobFiles files, CsvDialect dialect, List<String> header, CsvScanner.Plan plan)
            throws IOException {
        ResultFiles r = new ResultFiles(files);
        try {
            write(r.successes, new CsvWriter(dialect).header(SUCCESS_COLUMNS, header).drain());
            write(r.failures, new CsvWriter(dialect).header(FAILED_COLUMNS, header).drain());
            r.unprocessed(new long[] {plan.headerStart(), plan.headerEnd()});
            write(r.unprocessed, dialect.lineEnding().text().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
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

    /**
     * Appends the result rows of committed batches from their batch results files (the operating system copies them
     * from file to file; they do not pass through the heap).
     */
    void restore(JobFiles files, Collection<BatchLog.Entry> committed) throws IOException {
        for (BatchLog.Entry e : committed) {
            Path file = files.batchResults(e.batch());
            long expected = e.successBytes() + e.failureBytes();
            if (!Files.exists(file)) {
                throw missing(e, file, expected);
            }
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                if (in.size() < expected) {
                    throw missing(e, file, expected);
                }
                synchronized (successes) {
                    transfer(in, 0, e.successBytes(), successes, file);
                }
                synchronized (failures) {
                    transfer(in, e.successBytes(), e.failureBytes(), failures, file);
                }
            }
        }
    }

    /** Appends the raw rows of a batch that will not be processed. */
    void unprocessed(long[] range) throws IOException {
        try (FileChannel in = FileChannel.open(upload, StandardOpenOption.READ)) {
            synchronized (unprocessed) {
                transfer(in, range[0], range[1] - range[0], unprocessed, upload);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            successes.close();
        } finally {
            try {
                failures.close();
            } finally {
                unprocessed.close();
            }
        }
    }

    private static IOException missing(BatchLog.Entry e, Path file, long expected) {
        return new IOException("the result rows of committed batch " + e.batch() + " are missing from " + file
                + " (expected " + expected + " bytes)");
    }

    // Copies count bytes of in from position to the end of out.
    private static void transfer(FileChannel in, long position, long count, FileChannel out, Path source)
            throws IOException {
        long done = 0;
        while (done < count) {
            long n = in.transferTo(position + done, count - done, out);
            if (n <= 0) {
                throw new EOFException(source + " ended before byte " + (position + count));
            }
            done += n;
        }
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
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

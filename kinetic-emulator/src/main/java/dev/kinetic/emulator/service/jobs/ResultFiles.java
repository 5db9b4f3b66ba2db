package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.files.PrivateFiles;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.JobFiles;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The result files of one ingest job while it runs: successfulResults, failedResults and unprocessedrecords, plus the
 * batch plan and the list of finished batches that let a restart tell which rows were never processed. Batches
 * append to the files under a lock, each batch's rows formatted off the lock first. Thread-safe.
 */
final class ResultFiles implements AutoCloseable {
    private static final List<String> SUCCESS_COLUMNS = List.of("sf__Id", "sf__Created");
    private static final List<String> FAILED_COLUMNS = List.of("sf__Id", "sf__Error");

    private final CsvDialect dialect;
    private final Path upload;
    private final OutputStream successes;
    private final OutputStream failures;
    private final OutputStream unprocessed;
    private final DataOutputStream done;

    private ResultFiles(JobFiles files, CsvDialect dialect) throws IOException {
        this.dialect = dialect;
        this.upload = files.upload();
        this.successes = new BufferedOutputStream(PrivateFiles.newOutputStream(files.successes()), 1 << 16);
        this.failures = new BufferedOutputStream(PrivateFiles.newOutputStream(files.failures()), 1 << 16);
        this.unprocessed = new BufferedOutputStream(PrivateFiles.newOutputStream(files.unprocessed()), 1 << 16);
        this.done = new DataOutputStream(PrivateFiles.newOutputStream(files.batchesDone()));
    }

    /** Creates the three result files, each with its header row. */
    static ResultFiles open(JobFiles files, CsvDialect dialect, List<String> header) throws IOException {
        ResultFiles r = new ResultFiles(files, dialect);
        new CsvWriter(dialect).header(SUCCESS_COLUMNS, header).flushTo(r.successes);
        new CsvWriter(dialect).header(FAILED_COLUMNS, header).flushTo(r.failures);
        CsvScanner.Plan plan = readPlan(files);
        r.unprocessed.write(read(files.upload(), new long[] {plan.headerStart(), plan.headerEnd()}));
        r.unprocessed.write(dialect.lineEnding().text().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        r.unprocessed.flush();
        return r;
    }

    /** Appends one batch's results; returns how many rows failed. */
    long write(List<DmlRowResult> results) throws IOException {
        CsvWriter ok = new CsvWriter(dialect);
        CsvWriter bad = new CsvWriter(dialect);
        long failed = 0;
        for (DmlRowResult r : results) {
            CsvWriter w;
            if (r.success()) {
                w = ok.value(r.id(), true).value(r.created() ? "true" : "false", false);
            } else {
                failed++;
                w = bad.value(r.id() == null ? "" : r.id(), true).value(r.error(), false);
            }
            for (String v : r.echoed()) {
                w.value(v, false);
            }
            w.endRow();
        }
        synchronized (successes) {
            ok.flushTo(successes);
        }
        synchronized (failures) {
            bad.flushTo(failures);
        }
        return failed;
    }

    /** Appends the raw rows of a batch that will not be processed. */
    void unprocessed(JobFiles files, long[] range) throws IOException {
        byte[] bytes = read(upload, range);
        synchronized (unprocessed) {
            unprocessed.write(bytes);
        }
    }

    /** Records that a batch's results are written. */
    void done(JobFiles files, int batch) throws IOException {
        synchronized (done) {
            done.writeInt(batch);
            done.flush();
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
        synchronized (done) {
            done.close();
        }
    }

    /** Saves the batch plan next to the upload. */
    static void writePlan(JobFiles files, CsvScanner.Plan plan) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                PrivateFiles.newOutputStream(files.batchPlan())))) {
            out.writeLong(plan.headerStart());
            out.writeLong(plan.headerEnd());
            out.writeLong(plan.rows());
            out.writeInt(plan.batches().size());
            for (long[] b : plan.batches()) {
                out.writeLong(b[0]);
                out.writeLong(b[1]);
                out.writeLong(b[2]);
            }
        }
    }

    static CsvScanner.Plan readPlan(JobFiles files) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(files.batchPlan()))) {
            long start = in.readLong();
            long end = in.readLong();
            long rows = in.readLong();
            int n = in.readInt();
            List<long[]> batches = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batches.add(new long[] {in.readLong(), in.readLong(), in.readLong()});
            }
            return new CsvScanner.Plan(start, end, batches, rows);
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

    /** After a restart: appends the rows of every batch not recorded as done to unprocessedrecords. */
    static void recoverUnprocessed(JobFiles files, CsvDialect dialect) throws IOException {
        if (!Files.exists(files.batchPlan()) || !Files.exists(files.unprocessed())) {
            writeWholeFailure(files, dialect, List.of());
            return;
        }
        CsvScanner.Plan plan = readPlan(files);
        BitSet finished = new BitSet();
        if (Files.exists(files.batchesDone())) {
            try (InputStream raw = Files.newInputStream(files.batchesDone());
                 DataInputStream in = new DataInputStream(raw)) {
                while (true) {
                    finished.set(in.readInt());
                }
            } catch (EOFException end) {
                // All recorded batches read.
            }
        }
        try (OutputStream out = new BufferedOutputStream(PrivateFiles.newOutputStream(files.unprocessed()))) {
            out.write(read(files.upload(), new long[] {plan.headerStart(), plan.headerEnd()}));
            out.write(dialect.lineEnding().text().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < plan.batches().size(); i++) {
                if (!finished.get(i)) {
                    out.write(read(files.upload(), plan.batches().get(i)));
                }
            }
        }
    }
}

package dev.kinetic.cli.results;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes an ingest job's successful, failed and unprocessed rows into {@code <jobId>-success-records.csv},
 * {@code <jobId>-failed-records.csv} and {@code <jobId>-unprocessed-records.csv}, streamed from the library's result streams, each
 * row led by the 1-based number of the input data row it came from ({@code row}, the library's
 * {@link BulkRecord#inputIndex()} + 1; empty where the input row is not known). Files use the input's delimiter and
 * LF. When a result cannot be read in full (the library throws), no result file is left behind. Not thread-safe.
 */
public final class ResultWriter {
    private final Path directory;

    /** @param directory where the files go (created if missing) */
    public ResultWriter(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes the three result files of a finished job.
     *
     * @param jobId       the job
     * @param result      the job's result, from the library
     * @param delimiter   the delimiter of the files (the input's)
     * @param inputHeader the input file's header, for the header of a file without rows; empty if not known
     */
    public ResultFiles write(String jobId, BulkResult result, char delimiter, List<String> inputHeader) {
        try {
            Files.createDirectories(directory);
            Path success = directory.resolve(jobId + "-success-records.csv");
            Path failed = directory.resolve(jobId + "-failed-records.csv");
            Path unprocessed = directory.resolve(jobId + "-unprocessed-records.csv");
            try {
                long[] ok = copy(result::streamSuccessRecords, success, delimiter,
                        header(List.of("sf__Id", "sf__Created"), inputHeader));
                long[] bad = copy(result::streamFailedRecords, failed, delimiter,
                        header(List.of("sf__Id", "sf__Error"), inputHeader));
                long[] left = copy(result::streamUnprocessedRecords, unprocessed, delimiter,
                        header(List.of(), inputHeader));
                return new ResultFiles(ok[0], bad[0], left[0], ok[1] + bad[1] + left[1], success, failed,
                        unprocessed);
            } catch (IOException | RuntimeException e) {
                // A result read only in part must not be left looking complete.
                for (Path p : List.of(success, failed, unprocessed)) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result files in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<String> header(List<String> resultColumns, List<String> inputHeader) {
        if (inputHeader.isEmpty()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(resultColumns);
        inputHeader.forEach(h -> header.add(h.strip()));
        return header;
    }

    /** Copies one result stream to a file; returns {rows, rows without an input row}. */
    private static long[] copy(Supplier<BulkRecordStream> source, Path target, char delimiter,
                               List<String> emptyHeader) throws IOException {
        long rows = 0;
        long unmatched = 0;
        try (BulkRecordStream records = source.get();
             CsvWriter out = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(LineDelimiter.LF)
                     .build(target, StandardCharsets.UTF_8)) {
            Iterator<BulkRecord> it = records.iterator();
            boolean any = it.hasNext();
            List<String> line = new ArrayList<>();
            line.add("row");
            line.addAll(any ? records.columns() : emptyHeader);
            out.writeRecord(line);
            while (it.hasNext()) {
                BulkRecord record = it.next();
                long index = record.findInputIndex().orElse(-1);
                if (index < 0) {
                    unmatched++;
                }
                line.clear();
                line.add(index < 0 ? "" : Long.toString(index + 1));
                line.addAll(record.values());
                out.writeRecord(line);
                rows++;
            }
        }
        return new long[] {rows, unmatched};
    }
}

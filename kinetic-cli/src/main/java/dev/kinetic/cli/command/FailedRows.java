package dev.kinetic.cli.command;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.kinetic.cli.CliException;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.input.LineEnding;
import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.BulkRecordStream;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * The failed rows of a finished ingest job, as row indexes of the file it was loaded from (mapped by the library),
 * and the copy of just those rows that {@code retry} loads. Immutable.
 *
 * @param indexes the 0-based data row indexes of the failed rows
 * @param count   how many failed rows there are
 */
record FailedRows(BitSet indexes, int count) {
    /**
     * Reads the failed rows of a job's result.
     *
     * @throws CliException (usage) if a failed row cannot be matched to a row of the input
     */
    static FailedRows of(String jobId, BulkResult result, Path input) {
        BitSet indexes = new BitSet();
        int count = 0;
        long unmatched = 0;
        try (BulkRecordStream failed = result.streamFailedRecords()) {
            for (BulkRecord r : failed) {
                if (r.findInputIndex().isPresent()) {
                    indexes.set(Math.toIntExact(r.inputIndex()));
                    count++;
                } else {
                    unmatched++;
                }
            }
        }
        if (unmatched > 0) {
            throw CliException.usage(unmatched + " failed row" + (unmatched == 1 ? "" : "s") + " of job " + jobId
                    + " could not be matched to a row of " + input + ", so the failed rows cannot be taken from it; "
                    + "fix and load the job's failed file instead (e.g. kinetic job results " + jobId
                    + ", then load " + jobId + "-failed-records.csv: its row and sf__ columns are ignored)");
        }
        return new FailedRows(indexes, count);
    }

    /**
     * Writes the header and the failed rows of the input, in its order, delimiter and line ending, as UTF-8. Empty
     * lines are skipped, as the library skips them when it numbers rows.
     *
     * @return the copy, inspected
     */
    CsvInputFile copy(CsvInputFile input, Path target) {
        char delimiter = input.dialect().delimiter().character();
        LineDelimiter lines = input.dialect().lineEnding() == LineEnding.CRLF ? LineDelimiter.CRLF : LineDelimiter.LF;
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        // CsvRows, not FastCSV: FastCSV 4.0.0-4.2.0 misreads a quoted value holding a bare CR in LF-ended rows, and
        // these rows must be the ones the library numbered.
        try (CsvRows reader = new CsvRows(new InputStreamReader(Files.newInputStream(input.path()), input.charset()),
                delimiter);
             CsvWriter writer = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(lines)
                     .build(partial, StandardCharsets.UTF_8)) {
            long row = -1; // the header
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                if (row < 0) {
                    writer.writeRecord(input.header());
                } else if (row <= Integer.MAX_VALUE && indexes.get((int) row)) {
                    writer.writeRecord(record);
                }
                row++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            // whole or not at all: a retry file cut short by a crash must not look like the failed rows
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return CsvInputFile.inspect(target, StandardCharsets.UTF_8);
    }
}

package dev.kinetic.cli.command;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File chores of {@code demo} and {@code bench}: deriving one step's input from the last step's results. */
final class DemoFiles {
    private DemoFiles() {
    }

    /** Writes {@code Id,<extra header>} rows: each record id of a result (or export) file with the extra cells. */
    static long writeIds(Path results, String idColumn, Path target, String extraHeader, String extraCells)
            throws IOException {
        long rows = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(results);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(extraHeader.isEmpty() ? "Id" : "Id," + extraHeader);
            out.write('\n');
            for (NamedCsvRecord record : reader) {
                out.write(record.getField(idColumn));
                if (!extraCells.isEmpty()) {
                    out.write(',');
                    out.write(extraCells);
                }
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }

    /** Counts rows of a result file whose column has the value. */
    static long count(Path results, String column, String value) throws IOException {
        long n = 0;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(results)) {
            for (NamedCsvRecord record : reader) {
                if (value.equalsIgnoreCase(record.getField(column))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Deletes a directory tree if it exists. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

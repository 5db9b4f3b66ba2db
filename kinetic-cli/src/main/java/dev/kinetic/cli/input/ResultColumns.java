package dev.kinetic.cli.input;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.kinetic.cli.CliException;
import dev.kinetic.core.internal.csv.CsvRows;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a result file adds to the input's own ({@code row} first, then {@code sf__Id}, {@code sf__Error},
 * {@code sf__Created} or any other {@code sf__} column, as kinetic, Data Loader and the Salesforce CLI write them), so
 * that a fixed failed or unprocessed file can be loaded again: {@link #strip} writes a copy without them, which is
 * what is uploaded. Stateless.
 */
public final class ResultColumns {
    private ResultColumns() {
    }

    /** Whether a column of a header is one a result file adds: {@code row} as the first column, or {@code sf__*}. */
    static boolean isResultColumn(String name, int index) {
        String n = name.strip();
        return (index == 0 && n.equals("row")) || n.toLowerCase(Locale.ROOT).startsWith("sf__");
    }

    /** The result columns of a header, in order; empty for an ordinary input file. */
    public static List<String> in(List<String> header) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (isResultColumn(header.get(i), i)) {
                found.add(header.get(i).strip());
            }
        }
        return found;
    }

    /**
     * Writes a copy of the input without its result columns, in UTF-8 with the input's delimiter and line ending,
     * and inspects it. Empty lines are dropped, as the library drops them.
     *
     * @param input  a file whose header has result columns and at least one other column
     * @param target where the copy goes (replaced)
     * @return the copy, ready to upload
     * @throws CliException (usage) if no column would be left
     * @throws UncheckedIOException if the input cannot be read or the copy written
     */
    public static CsvInputFile strip(CsvInputFile input, Path target) {
        List<String> header = input.header();
        boolean[] keep = new boolean[header.size()];
        int kept = 0;
        for (int i = 0; i < header.size(); i++) {
            keep[i] = !isResultColumn(header.get(i), i);
            kept += keep[i] ? 1 : 0;
        }
        if (kept == 0) {
            throw CliException.usage(input.path() + " has only result columns (" + String.join(",", header)
                    + "); it needs the columns of the records to load");
        }
        char delimiter = input.dialect().delimiter().character();
        LineDelimiter lines = input.dialect().lineEnding() == LineEnding.CRLF ? LineDelimiter.CRLF : LineDelimiter.LF;
        // CsvRows, not FastCSV: FastCSV 4.0.0-4.2.0 misreads a quoted value holding a bare CR in LF-ended rows.
        try (CsvRows reader = new CsvRows(new InputStreamReader(Files.newInputStream(input.path()), input.charset()),
                delimiter);
             CsvWriter writer = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(lines)
                     .build(target, StandardCharsets.UTF_8)) {
            List<String> out = new ArrayList<>(kept);
            boolean first = true;
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                out.clear();
                for (int i = 0; i < keep.length; i++) {
                    if (keep[i]) {
                        String value = i < record.size() ? record.get(i) : "";
                        out.add(first ? stripBom(value, i).strip() : value);
                    }
                }
                writer.writeRecord(out);
                first = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + input.path() + " without its result columns to "
                    + target + ": " + e.getMessage(), e);
        }
        return CsvInputFile.inspect(target, StandardCharsets.UTF_8);
    }

    private static String stripBom(String value, int index) {
        return index == 0 && value.startsWith("\uFEFF") ? value.substring(1) : value;
    }
}

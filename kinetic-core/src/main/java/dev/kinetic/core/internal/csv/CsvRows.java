package dev.kinetic.core.internal.csv;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the rows of CSV (FastCSV underneath) as lists of strings; the first row is the header. Tolerates an
 * empty body (no header, no rows) and NUL bytes. Not thread-safe; close it.
 */
public final class CsvRows implements AutoCloseable {
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> it;

    /** Reads UTF-8 CSV with the delimiter from the stream. */
    public CsvRows(InputStream in, char delimiter) {
        this.reader = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(true).maxBufferSize(64 * 1024 * 1024)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        this.it = reader.iterator();
    }

    /**
     * The next row, or {@code null} at the end.
     *
     * @throws UncheckedIOException if the stream fails or the CSV breaks off mid-way (e.g. an unclosed quote)
     */
    public List<String> next() {
        try {
            if (!it.hasNext()) {
                return null;
            }
            return it.next().getFields();
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // FastCSV's parse errors: for a body read off the network, a sign that it broke off.
            throw new UncheckedIOException(new IOException("Malformed CSV: " + e.getMessage(), e));
        }
    }

    /** Closes the reader and its stream. */
    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

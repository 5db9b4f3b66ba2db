package dev.kinetic.cli.command;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.LineEnding;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where query records go when they are not simply exported to a CSV file by the library: CSV or a JSON array of
 * objects (an empty cell becomes null), to a file or standard output, streamed. The CSV is written as Salesforce
 * writes query results, which is what {@code BulkClient.export} copies to a file: the job's delimiter and line
 * ending, the header and every value double-quoted (inner quotes doubled), so {@code --out FILE} and
 * {@code --out -} give the same bytes. Not thread-safe.
 */
final class QueryOutput implements Closeable {
    private final OutputStream out;
    private final CsvWriter csv;
    private final JsonGenerator json;
    private List<String> columns = List.of();
    private long records;

    private QueryOutput(OutputStream out, boolean asJson, BulkJob job) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.json = asJson ? new JsonFactory().createGenerator(this.out, JsonEncoding.UTF8) : null;
        this.csv = asJson ? null : CsvWriter.builder().fieldSeparator(job.columnDelimiter().character())
                .lineDelimiter(job.lineEnding() == LineEnding.CRLF ? LineDelimiter.CRLF : LineDelimiter.LF)
                .quoteStrategy(QuoteStrategies.ALWAYS).build(this.out, StandardCharsets.UTF_8);
        if (json != null) {
            json.writeStartArray();
        }
    }

    /**
     * Opens the output.
     *
     * @param target the file to create or replace, or null for standard output
     * @param stdout the command line's output writer
     * @param asJson JSON instead of CSV
     * @param job    the query job, whose delimiter and line ending the CSV uses
     */
    static QueryOutput open(Path target, PrintWriter stdout, boolean asJson, BulkJob job) {
        try {
            if (target == null) {
                return new QueryOutput(new StdoutStream(stdout), asJson, job);
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new QueryOutput(Files.newOutputStream(target), asJson, job);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Sets the column names; written at once as the CSV header row. */
    void header(List<String> names) {
        columns = List.copyOf(names);
        if (csv != null) {
            csv.writeRecord(columns);
        }
    }

    /** Writes one record. */
    void row(List<String> values) {
        records++;
        if (csv != null) {
            csv.writeRecord(values);
            return;
        }
        try {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                String value = i < values.size() ? values.get(i) : "";
                json.writeFieldName(columns.get(i));
                if (value.isEmpty()) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the query results: " + e.getMessage(), e);
        }
    }

    /** The records written so far. */
    long records() {
        return records;
    }

    @Override
    public void close() {
        try {
            if (json != null) {
                json.writeEndArray();
                json.close();
            } else {
                csv.close();
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the query results: " + e.getMessage(), e);
        }
    }
}

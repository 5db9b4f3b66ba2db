package dev.kinetic.cli.command;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.kinetic.cli.bulk.JobsApi;
import dev.kinetic.cli.output.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams a finished query job's result pages ({@code Sforce-Locator} paging) to one output: CSV with a single
 * header row, or a JSON array of objects (an empty cell becomes null). Never holds more than a buffer. Not
 * thread-safe.
 */
final class QueryExport {
    /** Records per page requested. */
    static final int PAGE_SIZE = 100_000;

    private QueryExport() {
    }

    /** Writes all pages; returns the number of records. The caller closes {@code out}. */
    static long write(JobsApi jobs, String jobId, OutputStream out, boolean json, Progress progress) {
        try {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            JsonGenerator generator = json ? new JsonFactory().createGenerator(buffered, JsonEncoding.UTF8) : null;
            if (generator != null) {
                generator.writeStartArray();
            }
            long records = 0;
            String locator = null;
            boolean first = true;
            do {
                HttpResponse<InputStream> page = jobs.queryResults(jobId, locator, PAGE_SIZE);
                String next = page.headers().firstValue("Sforce-Locator").orElse("null");
                locator = next.isEmpty() || "null".equals(next) ? null : next;
                try (InputStream body = page.body()) {
                    if (generator != null) {
                        records += toJson(body, generator, records, progress);
                    } else {
                        records += copyCsv(body, buffered, first, records, progress);
                    }
                }
                first = false;
            } while (locator != null);
            if (generator != null) {
                generator.writeEndArray();
                generator.flush();
            }
            buffered.flush();
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the query results: " + e.getMessage(), e);
        }
    }

    /** Copies a page's bytes, dropping its header row unless it is the first page; counts records by line feed. */
    private static long copyCsv(InputStream body, OutputStream out, boolean keepHeader, long before,
                                Progress progress) throws IOException {
        byte[] buffer = new byte[1 << 16];
        boolean inHeader = true;
        boolean quoted = false;
        long lineFeeds = 0;
        int last = -1;
        int n;
        while ((n = body.read(buffer)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                int b = buffer[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    if (inHeader) {
                        inHeader = false;
                        if (!keepHeader) {
                            start = i + 1;
                        }
                    } else {
                        lineFeeds++;
                    }
                }
                last = b;
            }
            if (!(inHeader && !keepHeader)) {
                out.write(buffer, start, n - start);
            }
            progress.update(before + lineFeeds, "");
        }
        if (last >= 0 && last != '\n' && !inHeader) {
            out.write('\n');
            lineFeeds++;
        }
        return lineFeeds;
    }

    private static long toJson(InputStream body, JsonGenerator json, long before, Progress progress)
            throws IOException {
        long records = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true)
                .ofCsvRecord(body, StandardCharsets.UTF_8)) {
            List<String> header = null;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields();
                    continue;
                }
                json.writeStartObject();
                for (int i = 0; i < header.size(); i++) {
                    String value = i < record.getFieldCount() ? record.getField(i) : "";
                    json.writeFieldName(header.get(i));
                    if (value.isEmpty()) {
                        json.writeNull();
                    } else {
                        json.writeString(value);
                    }
                }
                json.writeEndObject();
                records++;
                if (records % 10_000 == 0) {
                    progress.update(before + records, "");
                }
            }
        }
        progress.update(before + records, "");
        return records;
    }
}

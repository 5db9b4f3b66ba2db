package dev.kinetic.cli.results;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.kinetic.cli.bulk.JobsApi;
import dev.kinetic.cli.input.CsvInputFile;
import dev.kinetic.cli.input.Delimiter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Downloads an ingest job's successful, failed and unprocessed rows into {@code <jobId>-success.csv},
 * {@code <jobId>-failed.csv} and {@code <jobId>-unprocessed.csv}, streaming, each row led by the 1-based number of
 * the input data row it came from ({@code row}). Files use the input's delimiter and LF. Not thread-safe.
 */
public final class ResultWriter {
    private final JobsApi jobs;
    private final Path directory;

    /**
     * @param jobs      the job resources
     * @param directory where the files go (created if missing)
     */
    public ResultWriter(JobsApi jobs, Path directory) {
        this.jobs = jobs;
        this.directory = directory;
    }

    /**
     * Writes the three result files of a finished job.
     *
     * @param jobId     the job
     * @param input     the file that was uploaded, if known (without it the row numbers are left empty)
     * @param keyColumn the column that identifies a row ({@code Id} or the external id), if the operation has one
     */
    public ResultFiles write(String jobId, Optional<CsvInputFile> input, Optional<String> keyColumn) {
        try {
            Files.createDirectories(directory);
            RowIndex index = null;
            if (input.isPresent()) {
                List<String> keys = keyColumn.map(List::of)
                        .orElse(input.get().header().stream().map(String::strip).toList());
                index = RowIndex.build(input.get(), keys);
            }
            char delimiter = input.map(i -> i.dialect().delimiter().character()).orElse(',');
            Path success = directory.resolve(jobId + "-success.csv");
            Path failed = directory.resolve(jobId + "-failed.csv");
            Path unprocessed = directory.resolve(jobId + "-unprocessed.csv");
            long[] okCounts = copy(jobId, "successfulResults", success, index, delimiter);
            long[] failCounts = copy(jobId, "failedResults", failed, index, delimiter);
            long[] leftCounts = copy(jobId, "unprocessedrecords", unprocessed, index, delimiter);
            return new ResultFiles(okCounts[0], failCounts[0], leftCounts[0],
                    okCounts[1] + failCounts[1] + leftCounts[1], success, failed, unprocessed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result files in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Copies one result stream to a file; returns {rows, rows without a match}. */
    private long[] copy(String jobId, String which, Path target, RowIndex index, char outDelimiter)
            throws IOException {
        HttpResponse<InputStream> response = jobs.ingestResults(jobId, which);
        long rows = 0;
        long unmatched = 0;
        try (InputStream body = new BufferedInputStream(response.body(), 1 << 16);
             CsvWriter out = CsvWriter.builder().fieldSeparator(outDelimiter).lineDelimiter(LineDelimiter.LF)
                     .build(target, StandardCharsets.UTF_8)) {
            char delimiter = sniffDelimiter(body);
            List<String> header = null;
            int[] positions = null;
            List<String> line = new ArrayList<>();
            try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter)
                    .allowMissingFields(true).allowExtraFields(true).skipEmptyLines(true)
                    .ofCsvRecord(body, StandardCharsets.UTF_8)) {
                for (CsvRecord record : reader) {
                    if (header == null) {
                        header = record.getFields();
                        positions = index == null ? null : index.positionsIn(header);
                        line.add("row");
                        line.addAll(header);
                        out.writeRecord(line);
                        continue;
                    }
                    int row = positions == null ? 0 : index.claim(record.getFields(), positions);
                    if (row == 0) {
                        unmatched++;
                    }
                    line.clear();
                    line.add(row == 0 ? "" : Integer.toString(row));
                    line.addAll(record.getFields());
                    out.writeRecord(line);
                    rows++;
                }
            }
            if (header == null) {
                out.writeRecord("row");
            }
        }
        return new long[] {rows, unmatched};
    }

    /** Results use the job's delimiter; read it from the header line rather than assume it. */
    private static char sniffDelimiter(InputStream body) throws IOException {
        body.mark(1 << 16);
        byte[] start = body.readNBytes(1 << 15);
        body.reset();
        String text = new String(start, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        Delimiter d = CsvInputFile.detectDelimiter(end >= 0 ? text.substring(0, end) : text);
        return d.character();
    }
}
